import { ExtractionWorker } from '@app/report-parser';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';

/**
 * Reads reports on a worker thread (ExtractionWorker), so a large PDF being parsed does not
 * hold up every other request; the thread stops with the app.
 */
@Injectable()
export class ReportReader extends ExtractionWorker implements OnModuleDestroy {
  onModuleDestroy(): Promise<void> {
    return this.close();
  }
}
