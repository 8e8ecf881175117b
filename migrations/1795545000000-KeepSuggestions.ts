import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Weaknesses the parser found in a report's prose, kept with the inspection until a manager
 * accepts one (it becomes a recommendation, `source = 'suggestion'`, with a draft action) or
 * dismisses it with a reason. Who decided, when and why stays on the row.
 */
export class KeepSuggestions1795545000000 implements MigrationInterface {
  name = 'KeepSuggestions1795545000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE recommendations ADD COLUMN source text NOT NULL DEFAULT 'list'
        CONSTRAINT recommendations_source_check CHECK (source IN ('list', 'suggestion'))`);
    await queryRunner.query(`
      CREATE TABLE suggestions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL REFERENCES councils (id) ON DELETE RESTRICT,
        inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE RESTRICT,
        position integer NOT NULL CHECK (position > 0),
        text text NOT NULL,
        section text,
        cue text NOT NULL,
        confidence real NOT NULL CHECK (confidence BETWEEN 0 AND 1),
        page integer NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'dismissed')),
        decided_by_id uuid REFERENCES users (id) ON DELETE RESTRICT,
        decided_at timestamptz,
        dismiss_reason text,
        recommendation_id uuid REFERENCES recommendations (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'open') = (decided_at IS NULL)),
        CHECK ((status = 'open') = (decided_by_id IS NULL)),
        CHECK ((status = 'dismissed') = (dismiss_reason IS NOT NULL)),
        CHECK ((status = 'accepted') = (recommendation_id IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX suggestions_inspection_position_key ON suggestions (inspection_id, position)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE suggestions`);
    await queryRunner.query(`ALTER TABLE recommendations DROP COLUMN source`);
  }
}
