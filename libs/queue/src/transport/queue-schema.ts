import { NarrowTableGrant } from '@kp/persistence';
import { runMigrations } from 'bullmq';
import { Client } from 'pg';

/** BullMQ's PostgreSQL backend lives in its own schema of the app's database (REDIS_URL unset). */
export const QUEUE_SCHEMA = 'bullmq';

/**
 * Creates or upgrades BullMQ's tables and functions, as the owner in the migrate step: the app role
 * may not create schemas, so the app connects with `migrate: false` and only checks the version.
 */
export async function migrateQueueSchema(ownerUrl: string): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await runMigrations(client, QUEUE_SCHEMA);
  } finally {
    await client.end();
  }
}

/**
 * The app role uses the queue tables read-write and may create objects in the schema (BullMQ makes
 * a job-id sequence per new queue at run time), but only reads BullMQ's migration ledger.
 */
export const QUEUE_APP_ROLE_GRANTS: readonly NarrowTableGrant[] = [{ schema: QUEUE_SCHEMA, table: 'migration', privileges: ['SELECT'] }];
