import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on with a council's OpenID Connect provider. `council_sso` holds each council's
 * provider (its client secret only encrypted, under SSO_SECRET_KEY); `sso_attempts` holds each
 * sign-in begun there until the provider sends the person back: single use and short-lived, in
 * the database so that any API process can finish what another began. Sessions record how they
 * were signed in.
 */
export class CouncilSingleSignOn1796000000000 implements MigrationInterface {
  name = 'CouncilSingleSignOn1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE council_sso (
        council_id uuid PRIMARY KEY REFERENCES councils (id) ON DELETE CASCADE,
        issuer text NOT NULL CHECK (issuer ~ '^https?://' AND length(issuer) <= 500),
        client_id text NOT NULL CHECK (client_id <> '' AND length(client_id) <= 200),
        client_secret_encrypted text NOT NULL,
        passwords_allowed boolean NOT NULL DEFAULT true,
        create_staff_on_first_sign_in boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE sso_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL REFERENCES councils (id) ON DELETE CASCADE,
        state_digest text NOT NULL UNIQUE,
        nonce text NOT NULL,
        code_verifier text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX sso_attempts_expires_at_idx ON sso_attempts (expires_at)`,
    );
    await queryRunner.query(`
      ALTER TABLE sessions ADD COLUMN sign_in_method text NOT NULL DEFAULT 'password'
        CHECK (sign_in_method IN ('password', 'sso'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sessions DROP COLUMN sign_in_method`);
    await queryRunner.query(`DROP TABLE sso_attempts`);
    await queryRunner.query(`DROP TABLE council_sso`);
  }
}
