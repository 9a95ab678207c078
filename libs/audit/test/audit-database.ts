import { AuditTrail1795436316829 } from '../../../migrations/1795436316829-AuditTrail';
import { AuditBusinessTime1795500000000 } from '../../../migrations/1795500000000-AuditBusinessTime';
import { AuditCanonicalBytes1795720000000 } from '../../../migrations/1795720000000-AuditCanonicalBytes';
import { AuditAppendInOneStatement1795800000000 } from '../../../migrations/1795800000000-AuditAppendInOneStatement';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuditEventBody } from '../src/domain/audit-event';
import { canonicalEventBody, GENESIS_HASH, hashCanonical } from '../src/domain/hash-chain';
import { AUDIT_EVENT_COLUMNS, AuditEventRow, toAuditEvent } from '../src/infrastructure/audit-event.row';
import { createTestDatabase } from '../../../test/support/database';

/** The migrations that make the audit library's tables and functions, in order. */
export const AUDIT_MIGRATIONS = [AuditTrail1795436316829, AuditBusinessTime1795500000000, AuditCanonicalBytes1795720000000, AuditAppendInOneStatement1795800000000];

/** A fresh database with only the audit migrations applied, and a superuser client to play the attacker. */
export async function createAuditDatabase(label: string, poolSize = 10): Promise<{ url: string; dataSource: DataSource }> {
  const url = await createTestDatabase(label);
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations: AUDIT_MIGRATIONS,
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

/**
 * The attack: change one event and recompute every hash from there on, as a superuser could,
 * rewriting the stored canonical bytes of the events that have them too.
 */
export async function rewriteChain(client: Client, alteredSeq: number): Promise<void> {
  const { rows } = await client.query<AuditEventRow>(`SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_event ORDER BY seq`);
  let prevHash = GENESIS_HASH;
  // prev_hash is unique: clear the old links first so the new ones never collide mid-rewrite.
  await client.query(`UPDATE audit_event SET prev_hash = lpad(to_hex(seq), 64, 'e'), hash = lpad(to_hex(seq), 64, 'd')`);
  for (const row of rows) {
    const event = toAuditEvent(row);
    const body: AuditEventBody = event.seq === alteredSeq ? { ...event, payload: { ...event.payload, outcome: 'rejected' } } : event;
    const canonical = canonicalEventBody(body);
    const hash = hashCanonical(prevHash, canonical);
    await client.query(
      `UPDATE audit_event SET payload = $2::jsonb, prev_hash = $3, hash = $4,
              canonical = CASE WHEN canonical IS NULL THEN NULL ELSE convert_to($5, 'UTF8') END
        WHERE seq = $1`,
      [body.seq, JSON.stringify(body.payload), prevHash, hash, canonical],
    );
    prevHash = hash;
  }
}
