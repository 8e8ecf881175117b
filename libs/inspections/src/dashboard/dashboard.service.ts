import { Clock, londonDateOf } from '@app/common';
import { SqlRunner } from '@app/database';
import { RagCorrections } from '@app/measures';
import { Injectable } from '@nestjs/common';
import { assembleDashboard, type Dashboard } from './dashboard';
import { dashboardQuery, type DashboardRow } from './dashboard.queries';

/** A council's overview: one statement, shaped by the same pure code the benchmark uses. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly sql: SqlRunner,
    private readonly clock: Clock,
    private readonly corrections: RagCorrections,
  ) {}

  async forCouncil(councilId: string): Promise<Dashboard> {
    const today = londonDateOf(this.clock.now());
    const query = dashboardQuery(councilId, today);
    const [rows, corrections] = await Promise.all([
      this.sql.query<DashboardRow>(query.sql, query.params),
      this.corrections.of(councilId, today),
    ]);
    const [row] = rows;
    // An aggregate with no GROUP BY: Postgres always answers exactly one row.
    if (row === undefined) throw new Error('The dashboard query returned no row');
    return assembleDashboard(row, today, corrections);
  }
}
