import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `deadline_changed`: the owner is emailed when someone else moves their action's deadline. One
 * row per revision (moment `r<revision id>`), so each change is told once, through the same
 * queue and delivery as the reminders.
 */
export class TellOwnerOfMovedDeadline1795566000000 implements MigrationInterface {
  name = 'TellOwnerOfMovedDeadline1795566000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await queryRunner.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN
        ('assigned', 'due_soon', 'overdue', 'escalation', 'admin_escalation', 'digest',
         'deadline_changed'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM notifications WHERE kind = 'deadline_changed'`);
    await queryRunner.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await queryRunner.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN
        ('assigned', 'due_soon', 'overdue', 'escalation', 'admin_escalation', 'digest'))`);
  }
}
