export { ActionsDataModule } from './actions-data.module';
export { AuditLog, diff, type AuditRecord } from './audit/audit-log';
export { ActionUpdate } from './entities/action-update.entity';
export {
  Action,
  ACTION_STATUSES,
  COMMITTED_STATUSES,
  LIVE_STATUSES,
  type ActionStatus,
} from './entities/action.entity';
export {
  AUDIT_EVENTS,
  AuditEntry,
  type AuditChanges,
  type AuditEvent,
} from './entities/audit-entry.entity';
export { DeadlineRevision } from './entities/deadline-revision.entity';
export { daysLeft, isOverdue, overdueSql } from './overdue';
export {
  deadlineRagOf,
  RAGS,
  RED_SHARE,
  rollUpRag,
  worseRag,
  type Rag,
  type RagCounts,
} from './rag';
// Each area keeps its own index, so work on one never edits another's exports.
export * from './actions';
