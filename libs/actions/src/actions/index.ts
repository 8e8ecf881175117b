export { ActionChanged } from './action-changed.event';
export { actionsToCsv, EXPORT_MAX_ROWS, neutraliseFormula } from './action-csv';
export {
  ACTION_DESCRIPTION_MAX_LENGTH,
  ACTION_TITLE_MAX_LENGTH,
  EVIDENCE_URL_MAX_LENGTH,
  EVIDENCE_URL_OPTIONS,
  PROGRESS_NOTE_MAX_LENGTH,
  REASON_MAX_LENGTH,
  SUCCESS_MEASURE_MAX_LENGTH,
} from './action-limits';
export {
  ACTION_ROW_FROM,
  ACTION_SORTS,
  buildActionListQuery,
  containsPattern,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  selectActionSql,
  type ActionListFilters,
  type ActionListParam,
  type ActionListQuery,
  type ActionRow,
  type ActionSort,
} from './action-list.query';
export { actionRefusalOf, type ActionRefusal } from './action-refusals';
export {
  allowedNext,
  canSee,
  canTransition,
  illegalTransitionMessage,
  MANAGER_ONLY_STATUSES,
  mayAddUpdate,
  missingToLeaveDraft,
  patchDenial,
  smartGaps,
  STATUSES_NEEDING_REASON,
  TRANSITIONS,
  type Actor,
  type PatchField,
  type SmartField,
  type SmartGap,
} from './action-rules';
export {
  slippageDays,
  toActionView,
  type ActionDetailView,
  type ActionUpdateView,
  type ActionView,
  type DeadlineRevisionView,
  type PersonView,
} from './action-view';
export { ActionsModule } from './actions.module';
export {
  ActionsService,
  type ActionActor,
  type ActionPage,
  type ActionPatch,
  type ActionsCsv,
  type CreateActionInput,
  type HistoryEntryView,
} from './actions.service';
export { firstDraftAction } from './first-draft';
export { lockReminderFactsOf, type ReminderFacts } from './reminder-facts';
export {
  actionHeadlinesOf,
  actionsDueForTeam,
  CALENDAR_MAX_EVENTS,
  calendarActionsOf,
  deadlineRevisionOf,
  lastAssignmentOf,
  teamActionsDueSql,
  type CalendarAction,
} from './action-reads';
