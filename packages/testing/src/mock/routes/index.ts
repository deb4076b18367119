import type { MockHandler } from '../types.js';
import { batchGetSpace } from './space/batchGetSpace.js';
import { CreateGroupSpace } from './space/CreateGroupSpace.js';
import { CreateSpace } from './space/CreateSpace.js';
import { DeleteGroupSpace } from './space/DeleteGroupSpace.js';
import { DeleteSpace } from './space/DeleteSpace.js';
import { GetDepartmentSpaceList } from './space/GetDepartmentSpaceList.js';
import { GetGroupSpaceList } from './space/GetGroupSpaceList.js';
import { GetSpace } from './space/GetSpace.js';
import { GetSpaceAllocation } from './space/GetSpaceAllocation.js';
import { GetSpaceByContainerID } from './space/GetSpaceByContainerID.js';
import { GetSpaceUsageByOverview } from './space/GetSpaceUsageByOverview.js';
import { GetSpaceUsageByQuota } from './space/GetSpaceUsageByQuota.js';
import { GetSpaceUsageByUser } from './space/GetSpaceUsageByUser.js';
import { GetSpaceV2 } from './space/GetSpaceV2.js';
import { GetTeamSpaceList } from './space/GetTeamSpaceList.js';
import { GetUserSpaceList } from './space/GetUserSpaceList.js';
import { TransferUnallocatedSpace } from './space/TransferUnallocatedSpace.js';
import { UpdateSpace } from './space/UpdateSpace.js';

/** The mock's default behaviour for each operation, by operationId. */
export const defaultRoutes: Record<string, MockHandler> = {
  batchGetSpace,
  CreateGroupSpace,
  CreateSpace,
  DeleteGroupSpace,
  DeleteSpace,
  GetDepartmentSpaceList,
  GetGroupSpaceList,
  GetSpace,
  GetSpaceAllocation,
  GetSpaceByContainerID,
  GetSpaceUsageByOverview,
  GetSpaceUsageByQuota,
  GetSpaceUsageByUser,
  GetSpaceV2,
  GetTeamSpaceList,
  GetUserSpaceList,
  TransferUnallocatedSpace,
  UpdateSpace,
};
