import type { MockHandler } from '../types.js';
import { createBatchTask } from './access-links/createBatchTask.js';
import { downloadShareFile } from './access-links/downloadShareFile.js';
import { getBatchTask } from './access-links/getBatchTask.js';
import { getShareInfo } from './access-links/getShareInfo.js';
import { listShareFiles } from './access-links/listShareFiles.js';
import { verifyExtractCode } from './access-links/verifyExtractCode.js';
import { visitShare } from './access-links/visitShare.js';
import { listAuditLogs } from './audit-logs/listAuditLogs.js';
import { createTask } from './basic-tasks/createTask.js';
import { getHandoverDstUserInfo } from './basic-tasks/getHandoverDstUserInfo.js';
import { getTaskDetail } from './basic-tasks/getTaskDetail.js';
import { getTaskLIst } from './basic-tasks/getTaskLIst.js';
import { getTaskResult } from './basic-tasks/getTaskResult.js';
import { CancelJob } from './batch-tasks/CancelJob.js';
import { CreateJob } from './batch-tasks/CreateJob.js';
import { GetJobDetail } from './batch-tasks/GetJobDetail.js';
import { GetJobList } from './batch-tasks/GetJobList.js';
// Files (issue 12)
import { listFile } from './cloud-decompression/listFile.js';
import { ListRecentlyAccess } from './collaboration/ListRecentlyAccess.js';
import { ListRelatedToMe } from './collaboration/ListRelatedToMe.js';
import { CreateDepartment } from './departments/CreateDepartment.js';
import { DeleteDepartment } from './departments/DeleteDepartment.js';
import { GetDepartment } from './departments/GetDepartment.js';
import { GetDepartmentList } from './departments/GetDepartmentList.js';
import { UpdateDepartment } from './departments/UpdateDepartment.js';
import { SetPackageDownloadExpires } from './enterprise-settings/SetPackageDownloadExpires.js';
import { batchStarFile } from './file-favorites/batchStarFile.js';
import { listStarFile } from './file-favorites/listStarFile.js';
import { getDepartmentFiles } from './file-list-query/getDepartmentFiles.js';
import { getPersonalFiles } from './file-list-query/getPersonalFiles.js';
import { clearRecycleFile } from './file-management/clearRecycleFile.js';
import { completeFile } from './file-management/completeFile.js';
import { createDirectory } from './file-management/createDirectory.js';
import { createFile } from './file-management/createFile.js';
import { GetFullPath } from './file-management/GetFullPath.js';
import { getDownLoadUrl } from './file-management/getDownLoadUrl.js';
import { getFile } from './file-management/getFile.js';
import { renameFile } from './file-management/renameFile.js';
import { Search } from './file-management/Search.js';
import { StatsDir } from './file-management/StatsDir.js';
import { uploadUrl } from './file-management/uploadUrl.js';
import { auditList } from './file-moderation/auditList.js';
import { batchAudit } from './file-moderation/batchAudit.js';
import { batchGet } from './file-moderation/batchGet.js';
import { BatchAddGroupMembers } from './groups/BatchAddGroupMembers.js';
import { batchDeleteGroupMembers } from './groups/batchDeleteGroupMembers.js';
import { CreateUserGroup } from './groups/CreateUserGroup.js';
import { DeleteUserGroup } from './groups/DeleteUserGroup.js';
import { GetUserGroup } from './groups/GetUserGroup.js';
import { GetUserGroupList } from './groups/GetUserGroupList.js';
import { GetUserGroupMemberList } from './groups/GetUserGroupMemberList.js';
import { UpdateUserGroup } from './groups/UpdateUserGroup.js';
import { batchDeleteMessage } from './messages/batchDeleteMessage.js';
import { batchReadMessage } from './messages/batchReadMessage.js';
import { getUnreadCount } from './messages/getUnreadCount.js';
import { listMessages } from './messages/listMessages.js';
import { updateSpecificMessageState } from './messages/updateSpecificMessageState.js';
import { getJsSdkInfo } from './other-apis/getJsSdkInfo.js';
import { addMemberInitialPermission } from './permission-templates/addMemberInitialPermission.js';
import { batchDeletePermissionTemplate } from './permission-templates/batchDeletePermissionTemplate.js';
import { batchGetPermissionTemplate } from './permission-templates/batchGetPermissionTemplate.js';
import { createPermissionTemplate } from './permission-templates/createPermissionTemplate.js';
import { editPermissionTemplate } from './permission-templates/editPermissionTemplate.js';
import { listPermissionTemplate } from './permission-templates/listPermissionTemplate.js';
import { modifyPermissionTemplateStatus } from './permission-templates/modifyPermissionTemplateStatus.js';
import { queryPermissionTemplateRef } from './permission-templates/queryPermissionTemplateRef.js';
import { getUserPermissionList } from './refined-authorization/getUserPermissionList.js';
import { InitialMemberPermission } from './refined-authorization/InitialMemberPermission.js';
import { PermissionBatchUpdate } from './refined-authorization/PermissionBatchUpdate.js';
import { authSession } from './sessions/authSession.js';
import { createSession } from './sessions/createSession.js';
import { getAuthCodeURL } from './sessions/getAuthCodeURL.js';
import { logout } from './sessions/logout.js';
import { refreshSession } from './sessions/refreshSession.js';
import { batchCancel } from './shared-by-you/batchCancel.js';
// Sharing and collaboration (issue 16)
import { createShare } from './shared-by-you/createShare.js';
import { getShareByMeDetail } from './shared-by-you/getShareByMeDetail.js';
import { listShareByMe } from './shared-by-you/listShareByMe.js';
import { updateShare } from './shared-by-you/updateShare.js';
import { exitShare } from './shared-with-you/exitShare.js';
import { getShareWithMeDetail } from './shared-with-you/getShareWithMeDetail.js';
import { listShareWithMe } from './shared-with-you/listShareWithMe.js';
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
  // Sharing and collaboration (issue 16)
  createShare,
  listShareByMe,
  getShareByMeDetail,
  updateShare,
  batchCancel,
  listShareWithMe,
  getShareWithMeDetail,
  exitShare,
  visitShare,
  getShareInfo,
  verifyExtractCode,
  listShareFiles,
  downloadShareFile,
  createBatchTask,
  getBatchTask,
  ListRelatedToMe,
  ListRecentlyAccess,
  getUnreadCount,
  listMessages,
  batchReadMessage,
  batchDeleteMessage,
  updateSpecificMessageState,
  // Files (issue 12)
  listFile,
  batchStarFile,
  listStarFile,
  getDepartmentFiles,
  getPersonalFiles,
  clearRecycleFile,
  completeFile,
  createDirectory,
  createFile,
  GetFullPath,
  getDownLoadUrl,
  getFile,
  renameFile,
  Search,
  StatsDir,
  uploadUrl,
  addMemberInitialPermission,
  auditList,
  authSession,
  BatchAddGroupMembers,
  batchAudit,
  batchDeleteGroupMembers,
  batchDeletePermissionTemplate,
  batchGet,
  batchGetPermissionTemplate,
  batchGetSpace,
  batchImportUserPreVerify,
  CancelJob,
  CountUser,
  CreateDepartment,
  CreateGroupSpace,
  CreateJob,
  createPermissionTemplate,
  createSession,
  CreateSpace,
  createTask,
  CreateUser,
  CreateUserGroup,
  DeleteDepartment,
  DeleteGroupSpace,
  DeleteSpace,
  DeleteUser,
  DeleteUserGroup,
  editPermissionTemplate,
  ExpandUserNum,
  getAuthCodeURL,
  GetDepartment,
  GetDepartmentList,
  GetDepartmentSpaceList,
  GetGroupSpaceList,
  getHandoverDstUserInfo,
  GetJobDetail,
  GetJobList,
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
  getTaskDetail,
  getTaskLIst,
  getTaskResult,
  GetTeamSpaceList,
  GetUser,
  GetUserGroup,
  GetUserGroupList,
  GetUserGroupMemberList,
  GetUserList,
  GetUserMobile,
  getUserPermissionList,
  GetUserSpaceList,
  InitialMemberPermission,
  listAuditLogs,
  listPermissionTemplate,
  logout,
  modifyPermissionTemplateStatus,
  PermissionBatchUpdate,
  queryPermissionTemplateRef,
  refreshSession,
  SetPackageDownloadExpires,
  TransferUnallocatedSpace,
  UpdateDepartment,
  UpdateSpace,
  UpdateUser,
  UpdateUserGroup,
};
