import type { ReportInputErrorCode } from '../errors';
import type { ExtractionResult, ExtractOptions } from '../types';

export interface ExtractRequest {
  id: number;
  input: Uint8Array | string;
  options: ExtractOptions;
}

/** Errors cross the thread boundary as data: a class does not survive structured cloning. */
export type ExtractReply =
  | { id: number; ok: true; result: ExtractionResult }
  | { id: number; ok: false; code: ReportInputErrorCode | null; message: string };
