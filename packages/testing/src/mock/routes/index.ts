import type { MockHandler } from '../types.js';
import { CreateDepartment } from './departments/CreateDepartment.js';
import { DeleteDepartment } from './departments/DeleteDepartment.js';
import { GetDepartment } from './departments/GetDepartment.js';
import { GetDepartmentList } from './departments/GetDepartmentList.js';
import { UpdateDepartment } from './departments/UpdateDepartment.js';
import { SetPackageDownloadExpires } from './enterprise-settings/SetPackageDownloadExpires.js';
import { BatchAddGroupMembers } from './groups/BatchAddGroupMembers.js';
import { batchDeleteGroupMembers } from './groups/batchDeleteGroupMembers.js';
import { CreateUserGroup } from './groups/CreateUserGroup.js';
import { DeleteUserGroup } from './groups/DeleteUserGroup.js';
import { GetUserGroup } from './groups/GetUserGroup.js';
import { GetUserGroupList } from './groups/GetUserGroupList.js';
import { GetUserGroupMemberList } from './groups/GetUserGroupMemberList.js';
import { UpdateUserGroup } from './groups/UpdateUserGroup.js';
import { getJsSdkInfo } from './other-apis/getJsSdkInfo.js';
import { authSession } from './sessions/authSession.js';
import { createSession } from './sessions/createSession.js';
import { getAuthCodeURL } from './sessions/getAuthCodeURL.js';
import { logout } from './sessions/logout.js';
import { refreshSession } from './sessions/refreshSession.js';
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
import { GetQuotaUsed } from './subscription/GetQuotaUsed.js';
import { GetService } from './subscription/GetService.js';
import { batchImportUserPreVerify } from './users/batchImportUserPreVerify.js';
import { CountUser } from './users/CountUser.js';
import { CreateUser } from './users/CreateUser.js';
import { DeleteUser } from './users/DeleteUser.js';
import { ExpandUserNum } from './users/ExpandUserNum.js';
import { GetUser } from './users/GetUser.js';
import { GetUserList } from './users/GetUserList.js';
import { GetUserMobile } from './users/GetUserMobile.js';
import { UpdateUser } from './users/UpdateUser.js';

/** The mock's default behaviour for each operation, by operationId. */
export const defaultRoutes: Record<string, MockHandler> = {
  authSession,
  BatchAddGroupMembers,
  batchDeleteGroupMembers,
  batchGetSpace,
  batchImportUserPreVerify,
  CountUser,
  CreateDepartment,
  CreateGroupSpace,
  createSession,
  CreateSpace,
  CreateUser,
  CreateUserGroup,
  DeleteDepartment,
  DeleteGroupSpace,
  DeleteSpace,
  DeleteUser,
  DeleteUserGroup,
  ExpandUserNum,
  getAuthCodeURL,
  GetDepartment,
  GetDepartmentList,
  GetDepartmentSpaceList,
  GetGroupSpaceList,
  getJsSdkInfo,
  GetQuotaUsed,
  GetService,
  GetSpace,
  GetSpaceAllocation,
  GetSpaceByContainerID,
  GetSpaceUsageByOverview,
  GetSpaceUsageByQuota,
  GetSpaceUsageByUser,
  GetSpaceV2,
  GetTeamSpaceList,
  GetUser,
  GetUserGroup,
  GetUserGroupList,
  GetUserGroupMemberList,
  GetUserList,
  GetUserMobile,
  GetUserSpaceList,
  logout,
  refreshSession,
  SetPackageDownloadExpires,
  TransferUnallocatedSpace,
  UpdateDepartment,
  UpdateSpace,
  UpdateUser,
  UpdateUserGroup,
};
