import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Transactional outbox: jobs are written in the same transaction as the business change, so an
 * accepted command is never lost when the queue or the worker is down. `processed_job` makes
 * handlers idempotent by job id under at-least-once delivery.
 */
export class Outbox1763900000000 implements MigrationInterface {
  name = 'Outbox1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        job_name text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        available_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await q.query(`CREATE INDEX outbox_undispatched ON outbox (available_at) WHERE dispatched_at IS NULL`);
    await q.query(`
      CREATE TABLE processed_job (
        job_id text PRIMARY KEY,
        job_name text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE processed_job`);
    await q.query(`DROP TABLE outbox`);
  }
}
