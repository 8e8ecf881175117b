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
  readingProblems,
  termsProblems,
  valueProblem,
  type MeasureDirection,
  type MeasureTerms,
  type MeasureUnit,
} from './measure-rules';
export { MeasuresModule } from './measures.module';
export {
  MEASURE_FIELDS,
  MeasuresService,
  type MeasureInput,
  type MeasureView,
  type NewMeasure,
  type ReadingInput,
  type ReadingsFile,
  type ReadingsRecorded,
  type ReadingView,
  type RecordManyOptions,
  toleranceOf,
} from './measures.service';
export {
  parseReadingsCsv,
  problemsShown,
  READINGS_CSV_COLUMNS,
  READINGS_CSV_MAX_BYTES,
  READINGS_CSV_MAX_ROWS,
  READINGS_PROBLEMS_SHOWN,
  readingsTemplateCsv,
  type ReadingProblem,
  type ReadingRow,
  type ReadingsCsv,
} from './readings-csv';
export { TRAJECTORY_TOLERANCE, trajectoryOf, type MeasureRag, type Trajectory } from './trajectory';
export { RagCorrections, type RagCorrection, type RatedAction } from './rag-corrections';
