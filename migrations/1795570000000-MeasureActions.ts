import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Measures with targets, and their readings over time: an action's success measure can carry
 * numbers (a percentage, days, a count, or a yes/no milestone) with a baseline and a target, so
 * progress is judged by results and not only by deadlines. Readings are never edited in place:
 * a correction is a new reading, and each is in the action's history.
 */
export class MeasureActions1795570000000 implements MigrationInterface {
  name = 'MeasureActions1795570000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE measures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL REFERENCES councils (id) ON DELETE RESTRICT,
        action_id uuid NOT NULL REFERENCES actions (id) ON DELETE RESTRICT,
        name text NOT NULL CHECK (btrim(name) <> '' AND char_length(name) <= 200),
        unit text NOT NULL CHECK (unit IN ('percentage', 'days', 'count', 'milestone')),
        direction text NOT NULL CHECK (direction IN ('higher', 'lower')),
        baseline_value numeric,
        baseline_on date,
        target_value numeric NOT NULL,
        target_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((baseline_value IS NULL) = (baseline_on IS NULL)),
        CHECK (baseline_on IS NULL OR baseline_on < target_on)
      )`);
    await queryRunner.query(`CREATE INDEX measures_action_idx ON measures (action_id, created_at)`);
    await queryRunner.query(`
      CREATE TABLE measure_readings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL REFERENCES councils (id) ON DELETE RESTRICT,
        measure_id uuid NOT NULL REFERENCES measures (id) ON DELETE RESTRICT,
        value numeric NOT NULL,
        observed_on date NOT NULL,
        note text,
        source text,
        entered_by_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX measure_readings_measure_idx ON measure_readings (measure_id, observed_on, created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE measure_readings`);
    await queryRunner.query(`DROP TABLE measures`);
  }
}
