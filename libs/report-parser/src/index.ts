export { extractReport, MAX_INPUT_BYTES } from './extract';
export { ExtractionBusyError, ReportInputError } from './errors';
export type { ReportInputErrorCode } from './errors';
export { MAX_CHARS, MAX_PAGES } from './limits';
export type * from './types';
export { ExtractionPool } from './worker/extraction-pool';
export type { ExtractionPoolOptions, PoolExtractOptions } from './worker/extraction-pool';
export { ExtractionWorker } from './worker/extraction-worker';
export type { ExtractionWorkerOptions } from './worker/extraction-worker';
