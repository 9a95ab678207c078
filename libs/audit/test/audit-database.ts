import { AuditTrail1795436316829 } from '../../../migrations/1795436316829-AuditTrail';
import { AuditBusinessTime1795500000000 } from '../../../migrations/1795500000000-AuditBusinessTime';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../test/support/database';

/** A fresh database with only the audit migrations applied, and a superuser client to play the attacker. */
export async function createAuditDatabase(label: string, poolSize = 10): Promise<{ url: string; dataSource: DataSource }> {
  const url = await createTestDatabase(label);
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations: [AuditTrail1795436316829, AuditBusinessTime1795500000000],
    installExtensions: false,
    synchronize: false,
    extra: { max: poolSize },
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return { url, dataSource };
}

/**
 * Runs statements as a database superuser with triggers switched off — what an attacker with
 * full database access can do, and exactly what the chain and the checkpoints must expose.
 */
export async function asSuperuserBypassingTriggers(url: string, work: (client: Client) => Promise<void>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    await work(client);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

export const caseworker = { sub: 'caseworker-1', role: 'caseworker', organisation: 'kontaktpunkt' };
