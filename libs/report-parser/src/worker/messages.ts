import type { ReportInputErrorCode } from '../errors';
import type { ExtractionResult, ExtractOptions } from '../types';

/** What a parser thread is started with (its workerData). */
export interface ThreadSetup {
  /** How far PDFium's WebAssembly memory may grow in the thread. */
  pdfiumMemoryBytes: number;
}

export interface ExtractRequest {
  id: number;
  input: Uint8Array | string;
  options: ExtractOptions;
}

/**
 * The thread's answers: `started` when it takes a request up (its time limit runs from there,
 * not from a thread still starting), then the result. Errors cross the thread boundary as data:
 * a class does not survive structured cloning. `pdfiumBytes` is how far PDFium's memory has
 * grown in the thread; `broken` says PDFium aborted and the thread cannot read another PDF.
 */
export type ExtractReply =
  | { id: number; started: true }
  | { id: number; ok: true; result: ExtractionResult; pdfiumBytes: number }
  | {
      id: number;
      ok: false;
      code: ReportInputErrorCode | null;
      message: string;
      pdfiumBytes: number;
      broken: boolean;
    };
