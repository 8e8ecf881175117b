import { checkWithin, type HealthCheckOptions } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import type { DataSource } from 'typeorm';

/** What GET /health says about reminders. */
export interface RemindersHealth {
  /**
   * Actions whose last reminder check failed and was skipped (the sweep logs each with its id
   * and tries again a day later); 0 when every action's reminders could be worked out.
   */
  skippedActions: number;
  /** When the latest of those was skipped; null when there are none. */
  lastSkippedAt: string | null;
}

/** What the indicator needs from a DataSource (and what its unit test fakes). */
export type QueryableDataSource = Pick<DataSource, 'query'>;

/**
 * Terminus indicator: the actions the reminder sweep is skipping, read from Postgres so every
 * API process reports what every worker found. A skipped action is information, not an outage
 * (everyone else's reminders go out), so the check is `down` only when Postgres does not answer.
 */
@Injectable()
export class RemindersHealthIndicator {
  constructor(
    @InjectDataSource() private readonly dataSource: QueryableDataSource,
    private readonly health: HealthIndicatorService,
  ) {}

  check<const Key extends string>(
    key: Key,
    options: HealthCheckOptions = {},
  ): Promise<HealthIndicatorResult<Key>> {
    return checkWithin(this.health, key, { ...options, what: 'Reminder counts' }, async () => {
      // Only skipped rows are in the partial index this reads.
      const [row] = await this.dataSource.query<Array<{ skipped: number; last: Date | null }>>(
        `SELECT count(*)::int AS skipped, max(skipped_at) AS last
           FROM reminder_schedule WHERE skipped_at IS NOT NULL`,
      );
      const report: RemindersHealth = {
        skippedActions: row?.skipped ?? 0,
        lastSkippedAt: row?.last ? new Date(row.last).toISOString() : null,
      };
      return { ...report };
    });
  }
}
