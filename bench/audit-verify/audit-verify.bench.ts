/**
 * Audit chain verification at 1,000,000 events: AuditVerifier.verify (reads every event, rebuilds
 * its canonical bytes, checks each hash and link) against the floor of any verifier — reading the
 * same rows the same way and one sha256 over each row's bytes, nothing else — alternating.
 * The chain is filled set-based in Node batches, computed exactly as AuditLog does.
 */
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuditEventBody, AuditVerifier, GENESIS_HASH, hashEvent } from '@kp/audit';
import { dataSourceOptions } from '@kp/persistence';
import { Benchmark, Figure } from '../framework/benchmark';
import { alternate, figure, millis, spread } from '../framework/measure';

const BATCH = 5_000;

function sampleBody(seq: number, at: string): AuditEventBody {
  return {
    seq,
    at,
    actor: { sub: `caseworker-${seq % 40}`, role: 'caseworker', organisation: 'kontaktpunkt' },
    action: seq % 5 === 0 ? 'decision.issued' : 'case.viewed',
    subject: { type: 'case', id: `EK-2026-${String(seq % 100_000).padStart(6, '0')}` },
    payload: {
      outcome: 'approved_with_conditions',
      legalBasis: 'EHDS art. 68; sundhedsloven § 46',
      ruleSets: [{ id: 'common', version: '1.2.0', contentHash: 'a3f1c9e2b7d4' }],
      findings: [{ code: 'MINIMISATION', severity: 'warning', legalReference: 'EHDS art. 66' }],
      reasoning: 'The purpose falls under EHDS art. 53(1)(e); the data requested are necessary.',
    },
  };
}

/** Inserts `count` chained events; the chain is computed in Node exactly as AuditLog does. */
export async function fillChain(client: Client, count: number): Promise<void> {
  let prevHash = GENESIS_HASH;
  const start = Date.parse('2026-01-01T00:00:00.000Z');
  for (let from = 1; from <= count; from += BATCH) {
    const cols: unknown[][] = Array.from({ length: 11 }, () => []);
    for (let seq = from; seq < Math.min(from + BATCH, count + 1); seq++) {
      const body = sampleBody(seq, new Date(start + seq).toISOString());
      const hash = hashEvent(prevHash, body);
      const row = [seq, body.at, body.actor.sub, body.actor.role, body.actor.organisation, body.action,
        body.subject.type, body.subject.id, JSON.stringify(body.payload), prevHash, hash];
      row.forEach((v, i) => cols[i].push(v));
      prevHash = hash;
    }
    await client.query(
      `INSERT INTO audit_event (seq, at, actor_sub, actor_role, actor_organisation, action, subject_type, subject_id, payload, prev_hash, hash)
       SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[],
                            $7::text[], $8::text[], $9::jsonb[], $10::text[], $11::text[])`,
      cols,
    );
  }
}

/** The floor: the same keyset batches, one sha256 per row over its fields' bytes. */
async function readAndHash(dataSource: DataSource): Promise<number> {
  let count = 0;
  await dataSource.transaction('REPEATABLE READ', async (m) => {
    for (let after = 0; ;) {
      const rows: Record<string, unknown>[] = await m.query(
        `SELECT seq, at, actor_sub, actor_role, actor_organisation, action, subject_type, subject_id, payload::text AS payload, prev_hash, hash
           FROM audit_event WHERE seq > $1 ORDER BY seq LIMIT $2`, [after, BATCH]);
      for (const row of rows) {
        const h = createHash('sha256');
        for (const v of Object.values(row)) h.update(String(v));
        h.digest('hex');
      }
      count += rows.length;
      if (rows.length < BATCH) break;
      after = Number(rows[rows.length - 1].seq);
    }
  });
  return count;
}

export const auditVerifyBenchmark: Benchmark = {
  name: 'audit-verify',
  description: 'audit chain verification at 1,000,000 events vs reading the same rows and one sha256 each',
  async run(context): Promise<Figure[]> {
    const events = context.size === 'smoke' ? 5_000 : Number(process.env.AUDIT_BENCH_EVENTS ?? 1_000_000);
    const url = await context.database('audit_verify');
    const client = new Client({ connectionString: url });
    await client.connect();
    const filled = await millis(() => fillChain(client, events));
    await client.query('VACUUM ANALYZE audit_event');
    await client.end();
    context.log(`filled ${events.toLocaleString('en')} chained events in ${(filled / 1000).toFixed(1)} s`);

    const dataSource = new DataSource(dataSourceOptions(url));
    await dataSource.initialize();
    context.defer(() => dataSource.destroy());
    const verifier = new AuditVerifier(dataSource);
    const samples = await alternate(context.rounds, {
      ours: async () => {
        let result: Awaited<ReturnType<AuditVerifier['verify']>> | undefined;
        const ms = await millis(async () => (result = await verifier.verify()));
        if (!result!.valid || result!.count !== events) throw new Error(`the bench chain does not verify: ${JSON.stringify(result)}`);
        return events / (ms / 1000);
      },
      floor: async () => {
        let count = 0;
        const ms = await millis(async () => (count = await readAndHash(dataSource)));
        return count / (ms / 1000);
      },
    });
    return [
      figure({
        benchmark: 'audit-verify', figure: 'events verified/s', unit: 'events/s', better: 'higher',
        ours: spread(samples.ours), baseline: { name: 'read + sha256 per row', spread: spread(samples.floor) },
        target: '≥ 500k events/s', meets: (f) => f.ours.median >= 500_000, note: `${events.toLocaleString('en')} events`,
      }),
    ];
  },
};
