export { actionRagOf, effectiveRag, type ComputedRag, type RatedMeasure } from './action-rag';
export {
  ActionRagService,
  RAG_REASON_MAX_LENGTH,
  type ActionRagView,
  type RagOverrideView,
} from './action-rag.service';
export { RagOverride } from './entities/rag-override.entity';
export { MeasureReading } from './entities/measure-reading.entity';
export { Measure } from './entities/measure.entity';
export {
  MEASURE_DIRECTIONS,
  MEASURE_NAME_MAX_LENGTH,
  MEASURE_UNITS,
  MEASURE_VALUE_MAX,
  READING_NOTE_MAX_LENGTH,
  READING_SOURCE_MAX_LENGTH,
  termsProblems,
  valueProblem,
  type MeasureDirection,
  type MeasureTerms,
  type MeasureUnit,
} from './measure-rules';
export { MeasuresModule } from './measures.module';
export {
  MeasuresService,
  type MeasureInput,
  type MeasureView,
  type NewMeasure,
  type ReadingInput,
  type ReadingView,
  toleranceOf,
} from './measures.service';
export { TRAJECTORY_TOLERANCE, trajectoryOf, type MeasureRag, type Trajectory } from './trajectory';
