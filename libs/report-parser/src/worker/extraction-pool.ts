import { ExtractionBusyError } from '../errors';
import type { ExtractionResult, ExtractOptions } from '../types';
import { ExtractionWorker, type ExtractionWorkerOptions } from './extraction-worker';
import { FairQueue } from './fair-queue';

export interface ExtractionPoolOptions extends ExtractionWorkerOptions {
  /** Parser threads (default 2). */
  threads?: number;
  /** Extractions one key may have waiting (default 5); more are refused with ExtractionBusyError. */
  maxWaitingPerKey?: number;
}

export interface PoolExtractOptions extends ExtractOptions {
  /**
   * Whose request this is, for fairness (e.g. a tenant's id): each key has one extraction
   * running at a time, and waiting keys take free threads in turn. Default: one shared key.
   */
  key?: string;
}

interface Job {
  key: string;
  input: Uint8Array | string;
  options: ExtractOptions;
  resolve: (result: ExtractionResult) => void;
  reject: (error: unknown) => void;
}

/**
 * extractReport on a few worker threads (ExtractionWorker each, with its time limit and
 * memory bounds), shared fairly between keys. A key runs one extraction at a time, in the order
 * it sent them, so one key's long report never takes every thread: with two threads, another
 * key's request starts at once. Free threads go round-robin across the keys with requests
 * waiting, and a key may have only `maxWaitingPerKey` waiting.
 */
export class ExtractionPool {
  private readonly idle: ExtractionWorker[];
  private readonly all: ExtractionWorker[];
  private readonly queue: FairQueue<Job>;
  private readonly runningKeys = new Set<string>();
  private readonly maxWaitingPerKey: number;

  constructor(options: ExtractionPoolOptions = {}) {
    const threads = options.threads ?? 2;
    this.all = Array.from({ length: threads }, () => new ExtractionWorker(options));
    this.idle = [...this.all];
    this.maxWaitingPerKey = options.maxWaitingPerKey ?? 5;
    this.queue = new FairQueue(this.maxWaitingPerKey);
  }

  extract(
    input: Uint8Array | string,
    { key = '', ...options }: PoolExtractOptions = {},
  ): Promise<ExtractionResult> {
    return new Promise((resolve, reject) => {
      if (!this.queue.push(key, { key, input, options, resolve, reject })) {
        reject(new ExtractionBusyError(this.maxWaitingPerKey));
        return;
      }
      this.dispatch();
    });
  }

  /** Stops every thread; running and waiting requests fail. */
  async close(): Promise<void> {
    const waiting = this.queue.drain();
    await Promise.all(this.all.map((worker) => worker.close()));
    for (const job of waiting) job.reject(new Error('The extraction pool was closed'));
  }

  private dispatch(): void {
    while (this.idle.length > 0) {
      const job = this.queue.take((key) => !this.runningKeys.has(key));
      if (!job) return;
      const worker = this.idle.pop() as ExtractionWorker;
      this.runningKeys.add(job.key);
      worker
        .extract(job.input, job.options)
        .then(job.resolve, job.reject)
        .finally(() => {
          this.runningKeys.delete(job.key);
          this.idle.push(worker);
          this.dispatch();
        });
    }
  }
}
