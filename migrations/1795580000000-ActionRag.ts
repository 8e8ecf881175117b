import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * RAG that means something: a council sets how far behind its line a measure may fall and still
 * be amber, and a manager may override an action's computed RAG with a reason. The override
 * lives in its own table (one row per overridden action, removed when cleared) so the actions
 * table and its triggers are untouched; its history is in the audit log like every change.
 */
export class ActionRag1795580000000 implements MigrationInterface {
  name = 'ActionRag1795580000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE councils
        ADD COLUMN measure_tolerance_percent integer NOT NULL DEFAULT 10
          CHECK (measure_tolerance_percent BETWEEN 0 AND 50)`);
    await queryRunner.query(`
      CREATE TABLE rag_overrides (
        action_id uuid PRIMARY KEY REFERENCES actions (id) ON DELETE RESTRICT,
        council_id uuid NOT NULL REFERENCES councils (id) ON DELETE RESTRICT,
        rag text NOT NULL CHECK (rag IN ('red', 'amber', 'green')),
        reason text NOT NULL CHECK (btrim(reason) <> '' AND char_length(reason) <= 2000),
        set_by_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        set_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX rag_overrides_council_idx ON rag_overrides (council_id)`);
    // Roll-ups ask "which of this council's actions have measures": one index range, not a scan.
    await queryRunner.query(
      `CREATE INDEX measures_council_action_idx ON measures (council_id, action_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX measures_council_action_idx`);
    await queryRunner.query(`DROP TABLE rag_overrides`);
    await queryRunner.query(`ALTER TABLE councils DROP COLUMN measure_tolerance_percent`);
  }
}
