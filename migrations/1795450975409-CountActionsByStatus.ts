import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Action counts per (council, inspection, status), kept by statement-level triggers on
 * actions, so the dashboard reads a few dozen rows instead of counting a council's whole plan
 * on every request. Transition tables make one bulk import or update a single upsert per
 * group rather than one per row.
 */
export class CountActionsByStatus1795450975409 implements MigrationInterface {
  name = 'CountActionsByStatus1795450975409';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE action_counts (
        council_id uuid NOT NULL REFERENCES councils (id) ON DELETE CASCADE,
        inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
        status text NOT NULL,
        count integer NOT NULL CHECK (count >= 0),
        PRIMARY KEY (council_id, inspection_id, status)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION action_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Falls go through UPDATE: an upsert checks count >= 0 on the row it would insert.
        WITH delta AS (
          SELECT council_id, inspection_id, status, sum(change) AS change
            FROM (
              SELECT council_id, inspection_id, status, 1 AS change FROM added
              UNION ALL
              SELECT council_id, inspection_id, status, -1 AS change FROM removed
            ) d
           GROUP BY council_id, inspection_id, status
          HAVING sum(change) <> 0
        ), fell AS (
          UPDATE action_counts c SET count = c.count + delta.change
            FROM delta
           WHERE delta.change < 0 AND c.council_id = delta.council_id
             AND c.inspection_id = delta.inspection_id AND c.status = delta.status
        )
        INSERT INTO action_counts AS c (council_id, inspection_id, status, count)
        SELECT council_id, inspection_id, status, change FROM delta WHERE change > 0
        ON CONFLICT (council_id, inspection_id, status)
          DO UPDATE SET count = c.count + EXCLUDED.count;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION action_counts_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO action_counts AS c (council_id, inspection_id, status, count)
        SELECT council_id, inspection_id, status, count(*) FROM added
         GROUP BY council_id, inspection_id, status
        ON CONFLICT (council_id, inspection_id, status)
          DO UPDATE SET count = c.count + EXCLUDED.count;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION action_counts_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE action_counts c SET count = c.count - d.count
          FROM (SELECT council_id, inspection_id, status, count(*) AS count FROM removed
                 GROUP BY council_id, inspection_id, status) d
         WHERE c.council_id = d.council_id AND c.inspection_id = d.inspection_id
           AND c.status = d.status;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER action_counts_insert AFTER INSERT ON actions
        REFERENCING NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION action_counts_on_insert()`);
    await queryRunner.query(`
      CREATE TRIGGER action_counts_update AFTER UPDATE ON actions
        REFERENCING OLD TABLE AS removed NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION action_counts_apply()`);
    await queryRunner.query(`
      CREATE TRIGGER action_counts_delete AFTER DELETE ON actions
        REFERENCING OLD TABLE AS removed
        FOR EACH STATEMENT EXECUTE FUNCTION action_counts_on_delete()`);
    await queryRunner.query(`
      INSERT INTO action_counts (council_id, inspection_id, status, count)
      SELECT council_id, inspection_id, status, count(*) FROM actions
       GROUP BY council_id, inspection_id, status`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER action_counts_delete ON actions`);
    await queryRunner.query(`DROP TRIGGER action_counts_update ON actions`);
    await queryRunner.query(`DROP TRIGGER action_counts_insert ON actions`);
    await queryRunner.query(`DROP FUNCTION action_counts_on_delete()`);
    await queryRunner.query(`DROP FUNCTION action_counts_on_insert()`);
    await queryRunner.query(`DROP FUNCTION action_counts_apply()`);
    await queryRunner.query(`DROP TABLE action_counts`);
  }
}
