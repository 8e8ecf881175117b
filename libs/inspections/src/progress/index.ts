export {
  emptyByStatus,
  RAG_RATINGS,
  summarise,
  type Progress,
  type RagRating,
  type StatusCount,
} from './progress';
export { ProgressService } from './progress.service';
export { type ActionTimeline, type LiveSpan, liveSpans, type StatusEvent } from './live-spans';
