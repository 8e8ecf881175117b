export { actionTitle, MAX_TITLE_LENGTH } from './action-title';
export { DISMISS_REASON_MAX_LENGTH, dismissReasonRefusal } from './dismiss-reason';
export {
  addToDate,
  deadlinesCountedFrom,
  draftDueOn,
  parseIsoDuration,
  type DeadlineSettings,
} from './draft-deadline';
export {
  ImportService,
  NO_RECOMMENDATIONS_NOTICE,
  type ImportInput,
  type ImportResult,
} from './import.service';
export { InspectionsModule } from './inspections.module';
export {
  InspectionsService,
  type DraftChange,
  type InspectionDetail,
  type OpenedDrafts,
  type SplitRecommendation,
  type InspectionWithProgress,
  type StoredFile,
} from './inspections.service';
export {
  DRAFT_PLAN_WORKING_DAYS,
  FINAL_PLAN_WORKING_DAYS,
  planDeadlines,
  type PlanDeadlines,
} from './plan-deadlines';
export { ReportReader } from './report-reader';
export {
  type AcceptedSuggestion,
  type SuggestionActor,
  SuggestionsService,
} from './suggestions.service';
export { InspectionsDataModule } from './inspections-data.module';
export { InspectionFile } from './entities/inspection-file.entity';
export { DEADLINE_BASES, Inspection, type DeadlineBasis } from './entities/inspection.entity';
export {
  RECOMMENDATION_SOURCES,
  Recommendation,
  type RecommendationSource,
} from './entities/recommendation.entity';
export {
  InspectionSuggestion,
  SUGGESTION_STATUSES,
  type SuggestionStatus,
} from './entities/suggestion.entity';
export * from './dashboard';
export * from './progress';
export { actionMailFacts, type ActionMailFacts } from './action-mail-facts';
export {
  REPEAT_LINK_STATES,
  RepeatLink,
  type RepeatLinkState,
} from './entities/repeat-link.entity';
export {
  REPEAT_DASHBOARD_LIMIT,
  RepeatFindingsService,
  type EarlierAction,
  type EarlierActionWithNotes,
  type RaisedAgain,
  type RaisedBefore,
  type RepeatActor,
  type RepeatFindingAction,
  type RepeatInspectionRef,
  type RepeatLinkView,
  type RepeatRecommendationRef,
} from './repeats/repeat-findings.service';
