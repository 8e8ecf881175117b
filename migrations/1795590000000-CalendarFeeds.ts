import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A private calendar feed per person. Only a random key is kept: the link's token is an HMAC of
 * the person and that key under a server secret, so a copy of the database alone opens no feed,
 * and a new key (or none) ends the old link at once.
 */
export class CalendarFeeds1795590000000 implements MigrationInterface {
  name = 'CalendarFeeds1795590000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN calendar_key text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users DROP COLUMN calendar_key`);
  }
}
