// The worker thread's side of ExtractionWorker: runs extractReport for each message.
import { parentPort } from 'node:worker_threads';
import { ReportInputError } from '../errors';
import { extractReport } from '../extract';
import type { ExtractReply, ExtractRequest } from './messages';

const port = parentPort;
if (!port) throw new Error('extract-worker must run in a worker thread');

port.on('message', (request: ExtractRequest) => {
  extractReport(request.input, request.options).then(
    (result) => port.postMessage({ id: request.id, ok: true, result } satisfies ExtractReply),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        ok: false,
        code: error instanceof ReportInputError ? error.code : null,
        message: error instanceof Error ? error.message : String(error),
      } satisfies ExtractReply),
  );
});
