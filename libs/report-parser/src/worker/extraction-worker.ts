import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ReportInputError } from '../errors';
import { tooMuchMemory, tooSlow } from '../limits';
import type { ExtractionResult, ExtractOptions } from '../types';
import type { ExtractReply, ExtractRequest, ThreadSetup } from './messages';

export interface ExtractionWorkerOptions {
  /** Longest one extraction may run before its thread is ended (default 20 s). */
  timeoutMs?: number;
  /**
   * Memory one thread may use, in MB (default 256): its JavaScript heap and PDFium's
   * WebAssembly memory are each held to about this.
   */
  memoryMb?: number;
  /**
   * A thread whose PDFium memory grew past this many MB is replaced after its job (default 64),
   * as that memory is only given back when the thread ends.
   */
  retireAboveMb?: number;
  /** Limits for every extraction (pages, characters, bytes); a call's own options win. */
  limits?: ExtractOptions;
}

interface Job {
  input: Uint8Array | string;
  options: ExtractOptions;
  resolve(result: ExtractionResult): void;
  reject(error: Error): void;
}

interface Running {
  id: number;
  job: Job;
  thread: Worker;
  timer: NodeJS.Timeout | null;
}

/**
 * extractReport on a worker thread, so a server stays responsive while a large PDF is read.
 * One thread, started on first use and kept while it stays small: requests wait their turn in
 * order, one at a time on the thread. A request that runs past the time limit ends the thread
 * (and fails with `too_slow`); so does one that grew PDFium's memory past `retireAboveMb`
 * (after it has its result) or broke PDFium. A thread that dies fails only the request it was
 * running. The next request after any of these starts a new thread.
 */
export class ExtractionWorker {
  private readonly timeoutMs: number;
  private readonly memoryMb: number;
  private readonly retireAboveBytes: number;
  private readonly limits: ExtractOptions;
  private thread: Worker | null = null;
  private readonly waiting: Job[] = [];
  private running: Running | null = null;
  private nextId = 1;

  constructor(options: ExtractionWorkerOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.memoryMb = options.memoryMb ?? 256;
    this.retireAboveBytes = (options.retireAboveMb ?? 64) * 1024 * 1024;
    this.limits = options.limits ?? {};
  }

  extract(input: Uint8Array | string, options: ExtractOptions = {}): Promise<ExtractionResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ input, options: { ...this.limits, ...options }, resolve, reject });
      this.next();
    });
  }

  /** The current thread's id (null before the first request, or after the thread ended). */
  get threadId(): number | null {
    return this.thread?.threadId ?? null;
  }

  /** Stops the thread; the running request and those still waiting fail. */
  async close(): Promise<void> {
    const thread = this.thread;
    const running = this.running;
    this.thread = null;
    this.running = null;
    if (running?.timer) clearTimeout(running.timer);
    const jobs = [...(running ? [running.job] : []), ...this.waiting.splice(0)];
    if (thread) await thread.terminate();
    for (const job of jobs) job.reject(new Error('The extraction worker was closed'));
  }

  private next(): void {
    if (this.running) return;
    const job = this.waiting.shift();
    if (!job) return;
    const thread = this.thread ?? this.start();
    const id = this.nextId++;
    this.running = { id, job, thread, timer: null };
    // Kept alive while it has work; see start().
    thread.ref();
    thread.postMessage({ id, input: job.input, options: job.options } satisfies ExtractRequest);
  }

  private start(): Worker {
    // Beside this file: .js when built; .ts under ts-jest or ts-node, which the thread then
    // needs registered too (the parser imports only relative paths, so no path mapping).
    const ext = extname(__filename);
    const thread = new Worker(join(__dirname, `extract-worker${ext}`), {
      execArgv: ext === '.ts' ? ['--require', 'ts-node/register/transpile-only'] : [],
      workerData: { pdfiumMemoryBytes: this.memoryMb * 1024 * 1024 } satisfies ThreadSetup,
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb },
    });
    thread.on('message', (reply: ExtractReply) => this.settle(thread, reply));
    thread.on('error', (error) => this.lost(thread, error));
    thread.on('exit', (code) =>
      this.lost(thread, new Error(`The extraction worker exited (${code})`)),
    );
    // A waiting server should not be kept alive by an idle parser thread.
    thread.unref();
    this.thread = thread;
    return thread;
  }

  private settle(thread: Worker, reply: ExtractReply): void {
    const running = this.running;
    if (running?.thread !== thread || running.id !== reply.id) return;
    if ('started' in reply) {
      // From here, not from when the thread was asked: a new thread first loads the parser.
      running.timer = setTimeout(() => this.timedOut(running), this.timeoutMs);
      return;
    }
    this.finish(running);
    if ((!reply.ok && reply.broken) || reply.pdfiumBytes > this.retireAboveBytes) {
      this.retire(thread);
    }
    if (reply.ok) running.job.resolve(reply.result);
    else if (reply.code) running.job.reject(new ReportInputError(reply.code, reply.message));
    else running.job.reject(new Error(reply.message));
    this.next();
  }

  private timedOut(running: Running): void {
    if (this.running !== running) return;
    this.finish(running);
    // Ending the thread is the only way to stop PDFium mid-page.
    this.retire(running.thread);
    running.job.reject(tooSlow(this.timeoutMs));
    this.next();
  }

  /** The thread died (out of heap, a crash) or was ended: only its own request fails. */
  private lost(thread: Worker, error: Error & { code?: string }): void {
    if (this.thread === thread) this.thread = null;
    const running = this.running;
    if (running?.thread !== thread) return;
    this.finish(running);
    running.job.reject(
      error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooMuchMemory(this.memoryMb) : error,
    );
    this.next();
  }

  private finish(running: Running): void {
    if (running.timer) clearTimeout(running.timer);
    running.thread.unref();
    this.running = null;
  }

  private retire(thread: Worker): void {
    if (this.thread === thread) this.thread = null;
    void thread.terminate();
  }
}
