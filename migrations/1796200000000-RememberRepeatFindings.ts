import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Repeat findings: a link from a new recommendation to an earlier one of the same council that
 * it likely repeats, proposed by the matcher on import (with its score and the words both
 * share), then confirmed or rejected by a manager. Both recommendations are referenced with
 * the council, so the database itself refuses a link between two councils' recommendations.
 */
export class RememberRepeatFindings1796200000000 implements MigrationInterface {
  name = 'RememberRepeatFindings1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // What the composite foreign keys below point at (id alone is already unique).
    await queryRunner.query(
      `CREATE UNIQUE INDEX recommendations_council_id_key ON recommendations (council_id, id)`,
    );
    await queryRunner.query(`
      CREATE TABLE repeat_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL REFERENCES councils (id) ON DELETE RESTRICT,
        recommendation_id uuid NOT NULL,
        earlier_recommendation_id uuid NOT NULL,
        score real NOT NULL CHECK (score >= 0 AND score <= 1),
        shared_words text[] NOT NULL DEFAULT '{}',
        state text NOT NULL DEFAULT 'proposed'
          CHECK (state IN ('proposed', 'confirmed', 'rejected')),
        decided_by_id uuid REFERENCES users (id) ON DELETE RESTRICT,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT repeat_links_recommendation_fkey FOREIGN KEY (council_id, recommendation_id)
          REFERENCES recommendations (council_id, id) ON DELETE RESTRICT,
        CONSTRAINT repeat_links_earlier_fkey FOREIGN KEY (council_id, earlier_recommendation_id)
          REFERENCES recommendations (council_id, id) ON DELETE RESTRICT,
        CHECK (recommendation_id <> earlier_recommendation_id),
        CHECK ((state = 'proposed') = (decided_at IS NULL)),
        CHECK ((state = 'proposed') = (decided_by_id IS NULL))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX repeat_links_pair_key
         ON repeat_links (recommendation_id, earlier_recommendation_id)`,
    );
    // "Raised again in ...": from the earlier side.
    await queryRunner.query(
      `CREATE INDEX repeat_links_earlier_idx ON repeat_links (earlier_recommendation_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE repeat_links`);
    await queryRunner.query(`DROP INDEX recommendations_council_id_key`);
  }
}
