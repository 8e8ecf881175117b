// The worker thread's side of ExtractionWorker: runs extractReport for each message.
import { parentPort, workerData } from 'node:worker_threads';
import { ReportInputError } from '../errors';
import { extractReport } from '../extract';
import { limitPdfiumMemory, pdfiumMemory } from '../input/pdfium';
import { tooMuchMemory } from '../limits';
import type { ExtractReply, ExtractRequest, ThreadSetup } from './messages';

const port = parentPort;
if (!port) throw new Error('extract-worker must run in a worker thread');

const setup = workerData as ThreadSetup;
limitPdfiumMemory(setup.pdfiumMemoryBytes);

port.on('message', (request: ExtractRequest) => {
  port.postMessage({ id: request.id, started: true } satisfies ExtractReply);
  extractReport(request.input, request.options).then(
    (result) =>
      port.postMessage({
        id: request.id,
        ok: true,
        result,
        pdfiumBytes: pdfiumMemory().grownToBytes,
      } satisfies ExtractReply),
    (error: unknown) => port.postMessage(failure(request.id, error)),
  );
});

function failure(id: number, error: unknown): ExtractReply {
  const memory = pdfiumMemory();
  // PDFium aborts (a WebAssembly.RuntimeError) when refused memory, or on a fault of its own;
  // either way its module is finished in this thread.
  const broken = memory.refused || (error instanceof Error && error.name === 'RuntimeError');
  const refusal = memory.refused
    ? tooMuchMemory(memory.limitBytes / 1024 / 1024)
    : broken
      ? new ReportInputError('unreadable_pdf', 'The PDF is damaged or not a PDF.')
      : error instanceof ReportInputError
        ? error
        : null;
  return {
    id,
    ok: false,
    code: refusal?.code ?? null,
    message: refusal?.message ?? (error instanceof Error ? error.message : String(error)),
    pdfiumBytes: memory.grownToBytes,
    broken,
  };
}
