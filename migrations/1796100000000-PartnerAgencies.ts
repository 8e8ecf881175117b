import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partner agencies (the integrated care board, the police, youth justice...): a council's list
 * of organisations, partner users who belong to one, and the organisation responsible for an
 * action. Composite foreign keys keep a user's and an action's organisation in their council.
 */
export class PartnerAgencies1796100000000 implements MigrationInterface {
  name = 'PartnerAgencies1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL REFERENCES councils (id) ON DELETE RESTRICT,
        name text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
        kind text NOT NULL CHECK (kind IN ('health', 'police', 'youth_justice', 'education', 'other')),
        lead_id uuid REFERENCES users (id) ON DELETE SET NULL,
        council_lead_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (council_id, id)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX organisations_name_key ON organisations (council_id, lower(name))`,
    );

    await queryRunner.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await queryRunner.query(`
      ALTER TABLE users
        ADD CONSTRAINT users_role_check CHECK (role IN ('partner', 'staff', 'manager', 'admin')),
        ADD COLUMN organisation_id uuid,
        ADD CONSTRAINT users_organisation_fkey FOREIGN KEY (council_id, organisation_id)
          REFERENCES organisations (council_id, id) ON DELETE RESTRICT,
        ADD CONSTRAINT users_partner_organisation_check
          CHECK ((role = 'partner') = (organisation_id IS NOT NULL))`);
    await queryRunner.query(
      `CREATE INDEX users_organisation_idx ON users (organisation_id) WHERE organisation_id IS NOT NULL`,
    );

    await queryRunner.query(`
      ALTER TABLE actions
        ADD COLUMN organisation_id uuid,
        ADD CONSTRAINT actions_organisation_fkey FOREIGN KEY (council_id, organisation_id)
          REFERENCES organisations (council_id, id) ON DELETE RESTRICT`);
    await queryRunner.query(
      `CREATE INDEX actions_organisation_idx ON actions (organisation_id) WHERE organisation_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE actions DROP COLUMN organisation_id`);
    await queryRunner.query(`DELETE FROM users WHERE role = 'partner'`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN organisation_id`);
    await queryRunner.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await queryRunner.query(
      `ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('staff', 'manager', 'admin'))`,
    );
    await queryRunner.query(`DROP TABLE organisations`);
  }
}
