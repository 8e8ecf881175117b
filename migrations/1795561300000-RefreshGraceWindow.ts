import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two page loads at once with an expired access token both present the same refresh token. The
 * second used to look like a stolen copy being replayed and ended the session. For a short
 * window after a rotation the previous token now yields the same new pair again: the refresh
 * token is derived from the one it replaces (no plaintext is stored), and the access token is
 * signed again with the same claims and this `iat`, which makes it the same token.
 */
export class RefreshGraceWindow1795561300000 implements MigrationInterface {
  name = 'RefreshGraceWindow1795561300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sessions ADD COLUMN access_issued_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sessions DROP COLUMN access_issued_at`);
  }
}
