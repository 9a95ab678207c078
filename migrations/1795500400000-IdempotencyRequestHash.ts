import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reused Idempotency-Key with a different body is refused (422), not answered with the first
 * result: the key remembers a SHA-256 of the request it was first used with. Keys stored before
 * have none, and keep replaying as they did.
 */
export class IdempotencyRequestHash1795500400000 implements MigrationInterface {
  name = 'IdempotencyRequestHash1795500400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_key ADD COLUMN request_hash text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_key DROP COLUMN request_hash`);
  }
}
