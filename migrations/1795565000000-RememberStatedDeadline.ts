import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deadline an email about one action stated when it was sent. A reminder is skipped as
 * "covered by the assignment email" only if that email gave the same deadline: moved after it
 * went, the owner has not been told the new one.
 */
export class RememberStatedDeadline1795565000000 implements MigrationInterface {
  name = 'RememberStatedDeadline1795565000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE notifications ADD COLUMN stated_due_on date`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE notifications DROP COLUMN stated_due_on`);
  }
}
