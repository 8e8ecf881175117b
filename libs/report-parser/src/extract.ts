import { ReportInputError } from './errors';
import type { ExtractionResult, ExtractOptions } from './types';

export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/**
 * Reads a report (PDF bytes, or text as bytes or a string) and returns its document facts and
 * every recommendation it lists.
 */
export async function extractReport(
  input: Uint8Array | string,
  options: ExtractOptions = {},
): Promise<ExtractionResult> {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  if (size === 0) throw new ReportInputError('empty', 'The file is empty.');
  if (size > maxBytes) throw new ReportInputError('too_large', 'The file is larger than 20 MB.');
  await Promise.resolve();
  throw new Error('not implemented yet');
}
