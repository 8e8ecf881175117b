import { Clock, londonDateOf } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { assembleDashboard, type Dashboard } from './dashboard';
import { dashboardQuery, type DashboardRow } from './dashboard.queries';

/** A council's overview: one statement, shaped by the same pure code the benchmark uses. */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async forCouncil(councilId: string): Promise<Dashboard> {
    const today = londonDateOf(this.clock.now());
    const query = dashboardQuery(councilId, today);
    const rows: DashboardRow[] = await this.dataSource.query(query.sql, query.params);
    return assembleDashboard(rows[0], today);
  }
}
