/**
 * Audit trail benchmark (issue 4): `npm run bench:audit`.
 *
 * 1. Fills a fresh database with AUDIT_BENCH_EVENTS (default 1,000,000) valid chained events,
 *    hashed in Node and inserted with multi-row `unnest` INSERTs.
 * 2. Verifies the whole chain with AuditVerifier and prints events verified per second.
 * 3. Times a submit-like transaction (application row + outbox row) with and without
 *    `AuditLog.append`, sequentially and with AUDIT_BENCH_CONCURRENCY (default 8) clients.
 *
 * Uses DATABASE_URL when set (a database `audit_bench_*` is created on it), else starts the
 * embedded PostgreSQL 15 in a temporary folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuditEventBody, AuditLog, AuditVerifier, GENESIS_HASH, hashEvent } from '@kp/audit';
import { AuditTrail1795436316829 } from '../../migrations/1795436316829-AuditTrail';

const EVENTS = Number(process.env.AUDIT_BENCH_EVENTS ?? 1_000_000);
const TRANSACTIONS = Number(process.env.AUDIT_BENCH_TRANSACTIONS ?? 500);
const CONCURRENCY = Number(process.env.AUDIT_BENCH_CONCURRENCY ?? 8);
const BATCH = 5_000;

interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

// A real dynamic import: ts-node compiles `import()` to `require()`, which cannot load this ESM file.
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{
  startEmbeddedPostgres(o: { dataDir: string; persistent: boolean }): Promise<EmbeddedPostgres>;
}>;

async function serverUrl(): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { adminUrl: process.env.DATABASE_URL, stop: async () => undefined };
  const { startEmbeddedPostgres } = await importEsm(resolve(__dirname, '../../scripts/embedded-postgres.mjs'));
  const pg = await startEmbeddedPostgres({ dataDir: mkdtempSync(join(tmpdir(), 'kp-audit-bench-')), persistent: false });
  return { adminUrl: pg.url, stop: () => pg.stop() };
}

async function freshDatabase(adminUrl: string): Promise<string> {
  const name = `audit_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

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
async function fillChain(client: Client, count: number): Promise<void> {
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

/** Milliseconds per transaction for `transactions` submit-like transactions over `clients` connections. */
async function timeSubmits(dataSource: DataSource, withAudit: boolean, transactions: number, clients: number): Promise<number> {
  const log = new AuditLog();
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < transactions) {
        const i = next++;
        await dataSource.transaction(async (m) => {
          const [{ id }] = await m.query(
            `INSERT INTO bench_application (body) VALUES ($1::jsonb) RETURNING id`,
            [JSON.stringify({ title: `Project ${i}`, sources: ['lpr', 'rkkp-dap'] })],
          );
          await m.query(`INSERT INTO bench_outbox (topic, payload) VALUES ('application.submitted', $1::jsonb)`, [JSON.stringify({ id })]);
          if (withAudit) {
            await log.append(m, {
              actor: { sub: 'researcher-1', role: 'researcher', organisation: 'ku.dk' },
              action: 'application.submitted',
              subject: { type: 'application', id },
              payload: { title: `Project ${i}` },
            });
          }
        });
      }
    }),
  );
  return Number(process.hrtime.bigint() - started) / 1e6 / transactions;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const { adminUrl, stop } = await serverUrl();
  const url = await freshDatabase(adminUrl);
  const dataSource = new DataSource({
    type: 'postgres', url, migrations: [AuditTrail1795436316829], installExtensions: false, extra: { max: CONCURRENCY + 2 },
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    await dataSource.query(`CREATE TABLE bench_application (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), body jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    await dataSource.query(`CREATE TABLE bench_outbox (id bigserial PRIMARY KEY, topic text NOT NULL, payload jsonb NOT NULL, dispatched_at timestamptz)`);

    const client = new Client({ connectionString: url });
    await client.connect();
    let t = Date.now();
    await fillChain(client, EVENTS);
    await client.query('VACUUM ANALYZE audit_event');
    await client.end();
    console.log(`filled   ${EVENTS.toLocaleString('en')} chained events in ${((Date.now() - t) / 1000).toFixed(1)} s`);

    t = Date.now();
    const result = await new AuditVerifier(dataSource).verify();
    const seconds = (Date.now() - t) / 1000;
    if (!result.valid) throw new Error(`bench chain does not verify: ${JSON.stringify(result)}`);
    console.log(`verified ${result.count.toLocaleString('en')} events in ${seconds.toFixed(1)} s: ${Math.round(result.count / seconds).toLocaleString('en')} events/s`);

    await timeSubmits(dataSource, true, 50, 1); // warm-up
    // Alternate the two variants in rounds and take medians: other load on the machine hits both alike.
    const rounds = 5;
    const plainRuns: number[] = [];
    const auditedRuns: number[] = [];
    for (let r = 0; r < rounds; r++) {
      plainRuns.push(await timeSubmits(dataSource, false, Math.ceil(TRANSACTIONS / rounds), 1));
      auditedRuns.push(await timeSubmits(dataSource, true, Math.ceil(TRANSACTIONS / rounds), 1));
    }
    const plain = median(plainRuns);
    const audited = median(auditedRuns);
    console.log(`submit   ${plain.toFixed(3)} ms/tx without audit, ${audited.toFixed(3)} ms/tx with AuditLog.append` +
      ` (+${(audited - plain).toFixed(3)} ms, ${(audited / plain).toFixed(2)}x) — sequential, median of ${rounds} rounds, chain of ${EVENTS.toLocaleString('en')}`);
    const plainC = await timeSubmits(dataSource, false, TRANSACTIONS, CONCURRENCY);
    const auditedC = await timeSubmits(dataSource, true, TRANSACTIONS, CONCURRENCY);
    console.log(`submit   ${(1000 / plainC).toFixed(0)} tx/s without audit, ${(1000 / auditedC).toFixed(0)} tx/s with AuditLog.append` +
      ` (${(plainC / auditedC).toFixed(2)}x throughput) — ${CONCURRENCY} concurrent clients, appends serialised by the chain lock`);
    const final = await new AuditVerifier(dataSource).verify({ from: { seq: result.headSeq, hash: result.headHash } });
    console.log(`chain    still valid after the timed appends: ${final.valid}`);
  } finally {
    await dataSource.destroy();
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
