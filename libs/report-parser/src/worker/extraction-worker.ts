import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ReportInputError } from '../errors';
import type { ExtractionResult, ExtractOptions } from '../types';
import type { ExtractReply, ExtractRequest } from './messages';

interface Pending {
  resolve(result: ExtractionResult): void;
  reject(error: Error): void;
}

/**
 * extractReport on a worker thread, so a server stays responsive while a large PDF is read
 * (hundreds of milliseconds of CPU). One thread, started on first use and kept: PDFium loads
 * once, and requests queue on it in order. If the thread dies, its pending requests fail and
 * the next request starts a new one.
 */
export class ExtractionWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  extract(input: Uint8Array | string, options: ExtractOptions = {}): Promise<ExtractionResult> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, input, options } satisfies ExtractRequest);
    });
  }

  /** Stops the thread; requests still waiting fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
    this.failAll(new Error('The extraction worker was closed'));
  }

  private start(): Worker {
    // Beside this file: .js when built; .ts under ts-jest or ts-node, which the thread then
    // needs registered too (the parser imports only relative paths, so no path mapping).
    const ext = extname(__filename);
    const worker = new Worker(join(__dirname, `extract-worker${ext}`), {
      execArgv: ext === '.ts' ? ['--require', 'ts-node/register/transpile-only'] : [],
    });
    worker.on('message', (reply: ExtractReply) => this.settle(reply));
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) =>
      this.fail(worker, new Error(`The extraction worker exited (${code})`)),
    );
    // A waiting server should not be kept alive by an idle parser thread.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settle(reply: ExtractReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (reply.ok) pending.resolve(reply.result);
    else if (reply.code) pending.reject(new ReportInputError(reply.code, reply.message));
    else pending.reject(new Error(reply.message));
  }

  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.failAll(error);
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
