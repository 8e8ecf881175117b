import { extractConfig, type ExtractConfig } from '@app/config';
import { ExtractionPool } from '@app/report-parser';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';

/**
 * Reads reports on a few worker threads (ExtractionPool) within the configured limits, so a
 * large PDF being parsed does not hold up every other request. Callers pass the council's id as
 * the fairness key: each council reads one report at a time, and councils take free threads in
 * turn. The threads stop with the app.
 */
@Injectable()
export class ReportReader extends ExtractionPool implements OnModuleDestroy {
  constructor(@Inject(extractConfig.KEY) config: ExtractConfig) {
    super({
      threads: config.threads,
      timeoutMs: config.timeoutMs,
      memoryMb: config.memoryMb,
      maxWaitingPerKey: config.queuePerCouncil,
      limits: { maxPages: config.maxPages, maxChars: config.maxChars },
    });
  }

  onModuleDestroy(): Promise<void> {
    return this.close();
  }
}
