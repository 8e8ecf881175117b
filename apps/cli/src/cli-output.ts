import { Injectable } from '@nestjs/common';

/** Where commands print results: one JSON object per line on stdout, so scripts can parse it. */
@Injectable()
export class CliOutput {
  line(record: Record<string, unknown>): void {
    process.stdout.write(`${JSON.stringify(record)}\n`);
  }
}
