import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders and escalations. Postgres holds what is owed and what was sent:
 *
 * - `notifications`: one row per email owed to one person, unique per action, kind, deadline,
 *   recipient and moment (which reminder: `d-7`, `o+8`, `a3`, `w2026-11-30`), so a reminder can
 *   be recorded once only. Rows sharing a `batch_key` go out as one email (an escalation that
 *   lists several actions). Redis only carries the batch keys of rows still pending.
 * - `reminder_schedule`: when each action next needs looking at. Triggers on `actions` set
 *   `check_at` to -infinity ("now, whatever the clock says") whenever owner, deadline or status
 *   change, by any code path, and count assignments so each one is emailed once.
 */
export class RemindAndEscalate1795536000000 implements MigrationInterface {
  name = 'RemindAndEscalate1795536000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users ADD COLUMN email_preference text NOT NULL DEFAULT 'every'
        CONSTRAINT users_email_preference_check CHECK (email_preference IN ('every', 'digest'))`);
    await queryRunner.query(`
      ALTER TABLE councils ADD COLUMN notification_settings jsonb NOT NULL DEFAULT '{}'::jsonb
        CONSTRAINT councils_notification_settings_check
        CHECK (jsonb_typeof(notification_settings) = 'object')`);

    await queryRunner.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        council_id uuid NOT NULL REFERENCES councils (id) ON DELETE RESTRICT,
        action_id uuid REFERENCES actions (id) ON DELETE RESTRICT,
        kind text NOT NULL CHECK (kind IN
          ('assigned', 'due_soon', 'overdue', 'escalation', 'admin_escalation', 'digest')),
        moment text NOT NULL,
        due_on date,
        recipient_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        batch_key text NOT NULL,
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'sent', 'failed', 'cancelled')),
        send_after timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error text,
        reason text,
        message_id text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'digest') = (action_id IS NULL)),
        CHECK ((status = 'sent') = (sent_at IS NOT NULL))
      )`);
    // NULLS NOT DISTINCT: a digest (no action, no deadline) is still owed once per week.
    await queryRunner.query(`
      CREATE UNIQUE INDEX notifications_once
        ON notifications (action_id, kind, due_on, recipient_id, moment) NULLS NOT DISTINCT`);
    await queryRunner.query(`
      CREATE INDEX notifications_pending ON notifications (batch_key) WHERE status = 'pending'`);
    await queryRunner.query(`
      CREATE INDEX notifications_by_council ON notifications (council_id, status, created_at DESC)`);
    await queryRunner.query(`
      CREATE INDEX notifications_by_action ON notifications (action_id, created_at DESC)`);

    await queryRunner.query(`
      CREATE TABLE reminder_schedule (
        action_id uuid PRIMARY KEY REFERENCES actions (id) ON DELETE CASCADE,
        council_id uuid NOT NULL REFERENCES councils (id) ON DELETE CASCADE,
        check_at timestamptz,
        assignment_seq integer NOT NULL DEFAULT 0
      )`);
    await queryRunner.query(`
      CREATE INDEX reminder_schedule_due ON reminder_schedule (check_at) WHERE check_at IS NOT NULL`);

    // Statement-level with transition tables, like action_counts: a bulk change is one upsert.
    await queryRunner.query(`
      CREATE FUNCTION reminder_schedule_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO reminder_schedule (action_id, council_id, check_at, assignment_seq)
        SELECT id, council_id, '-infinity', CASE WHEN owner_id IS NULL THEN 0 ELSE 1 END
          FROM added
        ON CONFLICT (action_id) DO NOTHING;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION reminder_schedule_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO reminder_schedule AS s (action_id, council_id, check_at, assignment_seq)
        SELECT n.id, n.council_id, '-infinity',
               CASE WHEN n.owner_id IS DISTINCT FROM o.owner_id AND n.owner_id IS NOT NULL
                    THEN 1 ELSE 0 END
          FROM changed_to n JOIN changed_from o ON o.id = n.id
         WHERE n.owner_id IS DISTINCT FROM o.owner_id
            OR n.due_on IS DISTINCT FROM o.due_on
            OR n.status IS DISTINCT FROM o.status
        ON CONFLICT (action_id) DO UPDATE
          SET check_at = '-infinity', assignment_seq = s.assignment_seq + excluded.assignment_seq;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER reminder_schedule_on_insert AFTER INSERT ON actions
        REFERENCING NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION reminder_schedule_added()`);
    await queryRunner.query(`
      CREATE TRIGGER reminder_schedule_on_update AFTER UPDATE ON actions
        REFERENCING OLD TABLE AS changed_from NEW TABLE AS changed_to
        FOR EACH STATEMENT EXECUTE FUNCTION reminder_schedule_changed()`);
    // Existing actions are looked at on the first sweep; assignment_seq 0 means their current
    // owners are not emailed about assignments made before reminders existed.
    await queryRunner.query(`
      INSERT INTO reminder_schedule (action_id, council_id, check_at, assignment_seq)
      SELECT id, council_id, '-infinity', 0 FROM actions`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER reminder_schedule_on_update ON actions`);
    await queryRunner.query(`DROP TRIGGER reminder_schedule_on_insert ON actions`);
    await queryRunner.query(`DROP FUNCTION reminder_schedule_changed()`);
    await queryRunner.query(`DROP FUNCTION reminder_schedule_added()`);
    await queryRunner.query(`DROP TABLE reminder_schedule`);
    await queryRunner.query(`DROP TABLE notifications`);
    await queryRunner.query(`ALTER TABLE councils DROP COLUMN notification_settings`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN email_preference`);
  }
}
