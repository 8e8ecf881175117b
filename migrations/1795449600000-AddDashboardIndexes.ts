import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for GET /dashboard, so it reads only index pages (index-only scans), however a
 * council's actions are scattered through the table:
 * - counts by inspection and status walk (council_id, inspection_id, status) already grouped;
 * - overdue by owner, team and plan, and what is due soon, come from the live-status range of
 *   (council_id, due_on), which carries the columns they group by.
 */
export class AddDashboardIndexes1795449600000 implements MigrationInterface {
  name = 'AddDashboardIndexes1795449600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX actions_council_inspection_status_idx
         ON actions (council_id, inspection_id, status)`,
    );
    // The same predicate as actions_council_live_due_idx, so "overdue" matches it.
    await queryRunner.query(
      `CREATE INDEX actions_council_live_due_cover_idx ON actions (council_id, due_on)
         INCLUDE (status, inspection_id, owner_id, recommendation_id)
         WHERE status IN ('draft', 'open', 'in_progress', 'blocked')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX actions_council_live_due_cover_idx`);
    await queryRunner.query(`DROP INDEX actions_council_inspection_status_idx`);
  }
}
