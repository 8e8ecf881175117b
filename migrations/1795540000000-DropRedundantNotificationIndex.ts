import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * notifications_once already starts with action_id, so it serves "this action's emails";
 * the second index only cost every insert (a sweep records tens of thousands at 1M actions;
 * dropping it took 10-15% off the sweep in `npm run bench -- reminders`).
 */
export class DropRedundantNotificationIndex1795540000000 implements MigrationInterface {
  name = 'DropRedundantNotificationIndex1795540000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX notifications_by_action`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX notifications_by_action ON notifications (action_id, created_at DESC)`,
    );
  }
}
