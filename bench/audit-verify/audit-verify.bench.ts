/**
 * Audit chain verification at 1,000,000 events: AuditVerifier.verify (one binary COPY of every
 * event, segments verified on worker threads: each hash over the stored canonical bytes, each link,
 * and the columns held against the bytes) against the floor of any verifier — the same COPY of the
 * same rows on one thread and one sha256 over each row's bytes, nothing else — alternating.
 * The chain is filled set-based in Node batches, computed exactly as AuditLog does (new-style
 * events: business time and canonical bytes stored).
 */
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuditEvent, AuditEventBody, AuditVerifier, canonicalEventBody, ChainWalker, CopyOut, GENESIS_HASH, hashCanonical, JsonObject, SEGMENT_COLUMNS, TRAILER, tupleEnd } from '@kp/audit';
import { dataSourceOptions } from '@kp/persistence';
import { Benchmark, Figure } from '../framework/benchmark';
import { alternate, figure, millis, spread } from '../framework/measure';
import { CpuSplit, startCpuSplit } from '../framework/cpu-split';

const BATCH = 5_000;

export function sampleBody(seq: number, at: string): AuditEventBody {
  return {
    seq,
    at,
    businessAt: at,
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
    const cols: unknown[][] = Array.from({ length: 13 }, () => []);
    for (let seq = from; seq < Math.min(from + BATCH, count + 1); seq++) {
      const body = sampleBody(seq, new Date(start + seq).toISOString());
      const canonical = canonicalEventBody(body);
      const hash = hashCanonical(prevHash, canonical);
      const row = [seq, body.at, body.actor.sub, body.actor.role, body.actor.organisation, body.action,
        body.subject.type, body.subject.id, JSON.stringify(body.payload), prevHash, hash, body.businessAt, Buffer.from(canonical, 'utf8')];
      row.forEach((v, i) => cols[i].push(v));
      prevHash = hash;
    }
    await client.query(
      `INSERT INTO audit_event (seq, at, actor_sub, actor_role, actor_organisation, action, subject_type, subject_id, payload, prev_hash, hash,
                                business_at, canonical)
       SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[],
                            $7::text[], $8::text[], $9::jsonb[], $10::text[], $11::text[], $12::timestamptz[], $13::bytea[])`,
      cols,
    );
  }
}

/** The floor: the same COPY of the same rows in the same order, on one thread, one sha256 over each row's bytes. */
async function readAndHash(dataSource: DataSource): Promise<number> {
  let count = 0;
  // pg-copy-streams hands over chunks that can hold several rows or part of one: cut them into rows
  // as the verifier does (after the 19-byte header and its extension).
  let carry = Buffer.alloc(0);
  let headerSkipped = false;
  const rows = (chunk: Buffer) => {
    const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    let pos = 0;
    if (!headerSkipped) {
      if (data.length < 19) return void (carry = Buffer.from(data));
      pos = 19 + data.readInt32BE(15);
      headerSkipped = true;
    }
    for (;;) {
      const end = tupleEnd(data, pos, data.length);
      if (end === TRAILER) {
        pos = data.length;
        break;
      }
      if (end === null) break;
      createHash('sha256').update(data.subarray(pos, end)).digest('hex');
      count += 1;
      pos = end;
    }
    carry = Buffer.from(data.subarray(pos));
  };
  await dataSource.transaction('REPEATABLE READ', async (m) => {
    await m.query('SET LOCAL enable_sort = off');
    const client = (await m.queryRunner!.connect()) as Client;
    await CopyOut.run(client, `COPY (SELECT ${SEGMENT_COLUMNS} FROM audit_event ORDER BY seq) TO STDOUT (FORMAT binary)`, (chunk) => {
      rows(chunk);
      return true;
    }).done;
  });
  return count;
}

/**
 * The verifier before issue 17's change, kept here to measure against in the same run: keyset
 * batches of 5,000 through the ORM, each event rebuilt from its columns (canonical JSON) and hashed
 * by `ChainWalker` on one thread, the next batch fetched while one is hashed.
 */
async function previousVerifier(dataSource: DataSource): Promise<number> {
  const columns = `seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
    to_char(business_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS business_at, actor_sub, actor_role,
    actor_organisation, action, subject_type, subject_id, payload::text AS payload, prev_hash, hash`;
  const iso = (text: string) => text.replace(/\.(\d{3})000Z$/, '.$1Z');
  const toEvent = (row: Record<string, string | null>): AuditEvent => ({
    seq: Number(row.seq),
    at: iso(row.at!),
    ...(row.business_at === null ? {} : { businessAt: iso(row.business_at) }),
    actor: { sub: row.actor_sub!, role: row.actor_role!, organisation: row.actor_organisation },
    action: row.action!,
    subject: { type: row.subject_type!, id: row.subject_id! },
    payload: JSON.parse(row.payload!) as JsonObject,
    prevHash: row.prev_hash!,
    hash: row.hash!,
  });
  return dataSource.transaction('REPEATABLE READ', async (m) => {
    const walker = new ChainWalker();
    const fetch = (after: number) =>
      m.query(`SELECT ${columns} FROM audit_event WHERE seq > $1 ORDER BY seq LIMIT $2`, [after, BATCH]) as Promise<Record<string, string | null>[]>;
    let pending = fetch(0);
    for (;;) {
      const rows = await pending;
      if (rows.length === BATCH) pending = fetch(Number(rows[rows.length - 1].seq));
      for (const row of rows) if (!walker.next(toEvent(row))) throw new Error('the bench chain does not verify (previous verifier)');
      if (rows.length < BATCH) break;
    }
    const result = walker.finish();
    return result.valid ? result.count : 0;
  });
}

export const auditVerifyBenchmark: Benchmark = {
  name: 'audit-verify',
  description: 'audit chain verification at 1,000,000 events vs the same COPY of the same rows and one sha256 each',
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
    // Who used the cores (Linux): this process (the verifier's main thread and workers) and PostgreSQL producing the COPY.
    const cpu: Record<'ours' | 'floor', CpuSplit[]> = { ours: [], floor: [] };
    const split = async <T>(into: CpuSplit[], work: () => Promise<T>): Promise<T> => {
      const window = startCpuSplit(() => []);
      try {
        return await work();
      } finally {
        if (window) into.push(window.read());
      }
    };
    const samples = await alternate(context.rounds, {
      ours: async () => {
        let result: Awaited<ReturnType<AuditVerifier['verify']>> | undefined;
        const ms = await split(cpu.ours, () => millis(async () => (result = await verifier.verify())));
        if (!result!.valid || result!.count !== events) throw new Error(`the bench chain does not verify: ${JSON.stringify(result)}`);
        return events / (ms / 1000);
      },
      floor: async () => {
        let count = 0;
        const ms = await split(cpu.floor, () => millis(async () => (count = await readAndHash(dataSource))));
        if (count !== events) throw new Error(`the floor read ${count} rows, not ${events}`);
        return count / (ms / 1000);
      },
      previous: async () => {
        let count = 0;
        const ms = await millis(async () => (count = await previousVerifier(dataSource)));
        if (count !== events) throw new Error(`the previous verifier counted ${count} events, not ${events}`);
        return count / (ms / 1000);
      },
    });
    return [
      figure({
        benchmark: 'audit-verify', figure: 'events verified/s', unit: 'events/s', better: 'higher',
        ours: spread(samples.ours), baseline: { name: 'same COPY + sha256 per row, one thread', spread: spread(samples.floor) },
        target: '≥ 500k events/s', meets: (f) => f.ours.median >= 500_000, note: `${events.toLocaleString('en')} events, ${verifier.workerCount} worker threads`,
      }),
      figure({
        benchmark: 'audit-verify', figure: 'events verified/s vs the previous verifier', unit: 'events/s', better: 'higher',
        ours: spread(samples.ours), baseline: { name: 'previous verifier (keyset batches, each event rebuilt, one thread)', spread: spread(samples.previous) },
        note: `${events.toLocaleString('en')} events`,
      }),
      ...cpuFigures(cpu, events),
    ];
  },
};

/**
 * Why the rate is what it is on this machine: the cores the verifier (this process: main thread
 * and workers) and PostgreSQL (producing the COPY) used, and each one's CPU per event, ours against
 * the one-thread floor's. Left out where /proc cannot be read.
 */
function cpuFigures(cpu: Record<'ours' | 'floor', CpuSplit[]>, events: number): Figure[] {
  if (cpu.ours.length === 0 || cpu.floor.length === 0) return [];
  const perEventUs = (splits: CpuSplit[], k: keyof CpuSplit['cores']) => splits.map((c) => (1e6 * c.cores[k] * c.seconds) / events);
  const median = (values: number[]) => spread(values).median.toFixed(2);
  return [
    figure({
      benchmark: 'audit-verify', figure: 'cores used while verifying: the verifier (main thread and workers)', unit: 'cores', better: 'lower',
      ours: spread(cpu.ours.map((c) => c.cores.load)),
      note: `PostgreSQL ${median(cpu.ours.map((c) => c.cores.postgres))}, rest of the machine ${median(cpu.ours.map((c) => c.cores.other))}; the floor: itself ${median(cpu.floor.map((c) => c.cores.load))}, PostgreSQL ${median(cpu.floor.map((c) => c.cores.postgres))} (medians)`,
    }),
    figure({
      benchmark: 'audit-verify', figure: 'verifier CPU per event', unit: 'µs', better: 'lower',
      ours: spread(perEventUs(cpu.ours, 'load')), baseline: { name: 'the floor\'s (one COPY, one sha256 a row, one thread)', spread: spread(perEventUs(cpu.floor, 'load')) },
    }),
    figure({
      benchmark: 'audit-verify', figure: 'PostgreSQL CPU per event (the COPY)', unit: 'µs', better: 'lower',
      ours: spread(perEventUs(cpu.ours, 'postgres')), baseline: { name: 'the floor\'s COPY', spread: spread(perEventUs(cpu.floor, 'postgres')) },
    }),
  ];
}
