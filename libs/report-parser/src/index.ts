export { extractReport, MAX_INPUT_BYTES } from './extract';
export { ReportInputError } from './errors';
export type { ReportInputErrorCode } from './errors';
export type * from './types';
export { ExtractionWorker } from './worker/extraction-worker';
