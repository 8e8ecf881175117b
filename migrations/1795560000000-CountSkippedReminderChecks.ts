import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An action whose reminders cannot be worked out (a deadline of 9999-12-31 stored before dates
 * were bounded made the schedule throw) is skipped by the sweep rather than failing it for
 * everyone. Its row says when and why it was last skipped and how many times in a row, so
 * GET /health on any API process can count such actions and people can find them; a check
 * that succeeds clears all three. The partial index keeps that count cheap: it holds only the
 * skipped rows.
 */
export class CountSkippedReminderChecks1795560000000 implements MigrationInterface {
  name = 'CountSkippedReminderChecks1795560000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE reminder_schedule
        ADD COLUMN skipped_at timestamptz,
        ADD COLUMN skip_error text,
        ADD COLUMN skips integer NOT NULL DEFAULT 0 CHECK (skips >= 0)`);
    await queryRunner.query(`
      CREATE INDEX reminder_schedule_skipped ON reminder_schedule (skipped_at)
        WHERE skipped_at IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX reminder_schedule_skipped`);
    await queryRunner.query(`
      ALTER TABLE reminder_schedule
        DROP COLUMN skips,
        DROP COLUMN skip_error,
        DROP COLUMN skipped_at`);
  }
}
