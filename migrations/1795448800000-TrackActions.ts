import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Councils, people, sessions, inspections, recommendations and actions with their history.
 * Every council-owned table carries council_id, so each query can be scoped by it. Statuses and
 * roles are text with CHECK constraints: adding a value is one migration, not an enum rewrite.
 */
export class TrackActions1795448800000 implements MigrationInterface {
  name = 'TrackActions1795448800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE councils (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (btrim(name) <> ''),
        code text NOT NULL CHECK (code ~ '^[A-Z]{2,8}$'),
        immediate_window_days integer NOT NULL DEFAULT 14 CHECK (immediate_window_days BETWEEN 0 AND 365),
        default_window_months integer NOT NULL DEFAULT 6 CHECK (default_window_months BETWEEN 1 AND 60),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX councils_name_key ON councils (lower(name))`);

    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL REFERENCES councils (id) ON DELETE RESTRICT,
        email text NOT NULL CHECK (email = lower(email)),
        name text NOT NULL CHECK (btrim(name) <> ''),
        role text NOT NULL CHECK (role IN ('staff', 'manager', 'admin')),
        team text,
        line_manager_id uuid REFERENCES users (id) ON DELETE SET NULL,
        password_hash text NOT NULL,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
    await queryRunner.query(`CREATE INDEX users_council_idx ON users (council_id, name)`);

    await queryRunner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        refresh_token_hash text NOT NULL,
        previous_refresh_token_hash text,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        refreshed_at timestamptz,
        revoked_at timestamptz,
        revoked_reason text,
        user_agent text,
        ip inet
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX sessions_refresh_token_hash_key ON sessions (refresh_token_hash)`,
    );
    await queryRunner.query(
      `CREATE INDEX sessions_previous_refresh_token_hash_idx ON sessions (previous_refresh_token_hash)`,
    );
    await queryRunner.query(`CREATE INDEX sessions_user_idx ON sessions (user_id)`);

    await queryRunner.query(`
      CREATE TABLE inspections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL REFERENCES councils (id) ON DELETE RESTRICT,
        reference text NOT NULL,
        kind text NOT NULL,
        title text,
        authority text,
        inspectorates text[] NOT NULL DEFAULT '{}',
        published_on date,
        visit_started_on date,
        visit_ended_on date,
        judgements jsonb NOT NULL DEFAULT '[]',
        format text NOT NULL CHECK (format IN ('pdf', 'text')),
        pages integer NOT NULL,
        file_name text NOT NULL,
        file_media_type text NOT NULL,
        file_size integer NOT NULL,
        file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
        imported_by_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        imported_at timestamptz NOT NULL DEFAULT now(),
        deadlines_counted_from date NOT NULL,
        deadlines_basis text NOT NULL CHECK (deadlines_basis IN ('published', 'inspection_ended', 'imported')),
        draft_plan_due_on date,
        final_plan_due_on date
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX inspections_council_reference_key ON inspections (council_id, reference)`,
    );
    // One inspection per file per council: the second import of a file answers 409.
    await queryRunner.query(
      `CREATE UNIQUE INDEX inspections_council_file_key ON inspections (council_id, file_sha256)`,
    );

    await queryRunner.query(`
      CREATE TABLE inspection_files (
        inspection_id uuid PRIMARY KEY REFERENCES inspections (id) ON DELETE CASCADE,
        content bytea NOT NULL
      )`);

    await queryRunner.query(`
      CREATE TABLE recommendations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL REFERENCES councils (id) ON DELETE RESTRICT,
        inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE RESTRICT,
        ref text NOT NULL,
        position integer NOT NULL,
        label text,
        text text NOT NULL,
        sub_items jsonb NOT NULL DEFAULT '[]',
        section text NOT NULL,
        theme text,
        priority text NOT NULL CHECK (priority IN ('priority_action', 'improvement')),
        timescale text,
        timescale_text text,
        due_on date,
        responsible text[] NOT NULL DEFAULT '{}',
        page integer NOT NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX recommendations_inspection_ref_key ON recommendations (inspection_id, ref)`,
    );

    await queryRunner.query(`
      CREATE TABLE actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL REFERENCES councils (id) ON DELETE RESTRICT,
        inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE RESTRICT,
        recommendation_id uuid NOT NULL REFERENCES recommendations (id) ON DELETE RESTRICT,
        reference text NOT NULL,
        sequence integer NOT NULL CHECK (sequence > 0),
        title text NOT NULL CHECK (btrim(title) <> ''),
        description text,
        success_measure text,
        owner_id uuid REFERENCES users (id) ON DELETE RESTRICT,
        due_on date,
        original_due_on date,
        status text NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'open', 'in_progress', 'blocked', 'completed', 'verified', 'cancelled')),
        status_reason text,
        completed_at timestamptz,
        verified_at timestamptz,
        verified_by_id uuid REFERENCES users (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- The SMART rule, enforced below the API too: only drafts (and drafts cancelled as
        -- not needed) may lack an owner, a deadline or a success measure.
        CONSTRAINT actions_smart_outside_draft CHECK (
          status IN ('draft', 'cancelled')
          OR (owner_id IS NOT NULL AND due_on IS NOT NULL AND success_measure IS NOT NULL)
        ),
        CONSTRAINT actions_reason_when_blocked_or_cancelled CHECK (
          status NOT IN ('blocked', 'cancelled') OR status_reason IS NOT NULL
        )
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX actions_council_reference_key ON actions (council_id, reference)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX actions_recommendation_sequence_key ON actions (recommendation_id, sequence)`,
    );
    // Lists sort by deadline within a council; the partial index serves "overdue" (live
    // statuses only) without touching finished work.
    await queryRunner.query(
      `CREATE INDEX actions_council_due_idx ON actions (council_id, due_on, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX actions_council_live_due_idx ON actions (council_id, due_on, id)
         WHERE status IN ('draft', 'open', 'in_progress', 'blocked')`,
    );
    await queryRunner.query(`CREATE INDEX actions_owner_idx ON actions (owner_id)`);
    await queryRunner.query(`CREATE INDEX actions_inspection_idx ON actions (inspection_id)`);

    await queryRunner.query(`
      CREATE TABLE action_updates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL REFERENCES councils (id) ON DELETE RESTRICT,
        action_id uuid NOT NULL REFERENCES actions (id) ON DELETE RESTRICT,
        author_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        note text NOT NULL CHECK (btrim(note) <> ''),
        evidence_url text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX action_updates_action_idx ON action_updates (action_id, created_at)`,
    );

    await queryRunner.query(`
      CREATE TABLE deadline_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL REFERENCES councils (id) ON DELETE RESTRICT,
        action_id uuid NOT NULL REFERENCES actions (id) ON DELETE RESTRICT,
        from_due_on date NOT NULL,
        to_due_on date NOT NULL,
        reason text NOT NULL CHECK (btrim(reason) <> ''),
        revised_by_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        revised_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX deadline_revisions_action_idx ON deadline_revisions (action_id, revised_at)`,
    );

    await queryRunner.query(`
      CREATE TABLE audit_entries (
        id bigserial PRIMARY KEY,
        council_id uuid NOT NULL REFERENCES councils (id) ON DELETE RESTRICT,
        action_id uuid NOT NULL REFERENCES actions (id) ON DELETE RESTRICT,
        actor_id uuid REFERENCES users (id) ON DELETE RESTRICT,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        event text NOT NULL,
        changes jsonb NOT NULL DEFAULT '{}',
        reason text
      )`);
    await queryRunner.query(
      `CREATE INDEX audit_entries_action_idx ON audit_entries (action_id, id)`,
    );
    // Append-only, whoever connects: history an inspector can trust cannot be edited.
    await queryRunner.query(`
      CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entries is append-only (% refused)', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_entries_no_update_or_delete
        BEFORE UPDATE OR DELETE ON audit_entries
        FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_entries_no_truncate
        BEFORE TRUNCATE ON audit_entries
        FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_entries`);
    await queryRunner.query(`DROP FUNCTION audit_entries_append_only()`);
    await queryRunner.query(`DROP TABLE deadline_revisions`);
    await queryRunner.query(`DROP TABLE action_updates`);
    await queryRunner.query(`DROP TABLE actions`);
    await queryRunner.query(`DROP TABLE recommendations`);
    await queryRunner.query(`DROP TABLE inspection_files`);
    await queryRunner.query(`DROP TABLE inspections`);
    await queryRunner.query(`DROP TABLE sessions`);
    await queryRunner.query(`DROP TABLE users`);
    await queryRunner.query(`DROP TABLE councils`);
  }
}
