import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard's "overdue by organisation" groups the live-status range of
 * (council_id, due_on) by organisation_id, like "by owner": the covering index carries it too,
 * so the dashboard stays one index-only statement (without it, every overdue action was a heap
 * fetch and the dashboard's p95 doubled in `npm run bench -- api`).
 */
export class CoverOrganisationInDashboardIndex1796100000001 implements MigrationInterface {
  name = 'CoverOrganisationInDashboardIndex1796100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX actions_council_live_due_cover_idx`);
    // The same predicate as actions_council_live_due_idx, so "overdue" matches it.
    await queryRunner.query(
      `CREATE INDEX actions_council_live_due_cover_idx ON actions (council_id, due_on)
         INCLUDE (status, inspection_id, owner_id, recommendation_id, organisation_id)
         WHERE status IN ('draft', 'open', 'in_progress', 'blocked')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX actions_council_live_due_cover_idx`);
    await queryRunner.query(
      `CREATE INDEX actions_council_live_due_cover_idx ON actions (council_id, due_on)
         INCLUDE (status, inspection_id, owner_id, recommendation_id)
         WHERE status IN ('draft', 'open', 'in_progress', 'blocked')`,
    );
  }
}
