/**
 * The first page of each work queue over HTTP (GET /v1/queues/<queue>, as a caseworker) on a
 * database of 1,000,000 cases seeded set-based (seed-cases.ts), one request at a time, p50 and p99.
 * Baseline, alternating in the same run: the floor of any queue page — the keyset read of one
 * page of open-case ids, straight over a pg connection. The plan of each queue's page query is
 * printed (EXPLAIN ANALYZE) so a regression shows where.
 */
import { Client } from 'pg';
import { EntityManager } from 'typeorm';
import { CaseQueueRepository, OPEN_CASE_STATES, QUEUES, QueueName } from '@kp/cases';
import { KeysetPosition } from '@kp/persistence';
import { Benchmark, Figure } from '../framework/benchmark';
import { ensureBuilt, startApp } from '../framework/app-process';
import { alternate, figure, millis, percentile, spread } from '../framework/measure';
import { seedCases } from './seed-cases';

const PAGE = 50;
// caseworker-10 holds open cases in the seed (every tenth case is open; case g goes to caseworker-(g mod 40)).
const CASEWORKER = { sub: 'caseworker-10', role: 'caseworker' as const, organisation: 'kontaktpunkt', name: 'Bench Caseworker' };

/** The SQL and parameters the repository sends for a page of a queue: the first, or the one after `cursor`. */
async function pageSql(queue: QueueName, cursor?: KeysetPosition<string | null>): Promise<{ sql: string; params: unknown[] }> {
  let captured: { sql: string; params: unknown[] } | undefined;
  const manager = { query: async (sql: string, params: unknown[]) => ((captured = { sql, params }), []) } as unknown as EntityManager;
  await new CaseQueueRepository().page(manager, queue, CASEWORKER.sub, {}, PAGE, cursor);
  return captured!;
}

export const queuePageBenchmark: Benchmark = {
  name: 'queue-page',
  description: 'first page of each work queue over HTTP at 1,000,000 cases vs the bare keyset read of a page of ids',
  async run(context): Promise<Figure[]> {
    ensureBuilt(context.log);
    // BENCH_QUEUE_CASES / BENCH_QUEUE_REQUESTS: a smaller run where seeding 1,000,000 takes too long (a loaded machine).
    const cases = context.size === 'smoke' ? 2_000 : Number(process.env.BENCH_QUEUE_CASES ?? 1_000_000);
    // 200 a round: the p99 of 30 requests was the slowest of them, which one garbage collection decides.
    const requests = context.size === 'smoke' ? 3 : Number(process.env.BENCH_QUEUE_REQUESTS ?? 200);
    const url = await context.database('queue_page');
    const seeded = await millis(() => seedCases(url, cases));
    context.log(`seeded ${cases.toLocaleString('en')} cases set-based in ${(seeded / 1000).toFixed(1)} s (target < 180 s)`);

    const db = new Client({ connectionString: url });
    // A server that goes away fails this benchmark (the next query rejects), not the whole run.
    db.on('error', (error) => context.log(`database connection lost: ${String(error)}`));
    await db.connect();
    context.defer(() => db.end());
    for (const queue of QUEUES) {
      const { sql, params } = await pageSql(queue);
      const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
      context.log(`EXPLAIN ${queue}:\n${plan.rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n')}`);
      // The second page, after the first page's last row: the keyset must seek there, not read from the start.
      const first = await db.query<{ id: string; due_key: string | null }>(sql, params);
      const last = first.rows[PAGE - 1];
      if (!last) continue;
      const next = await pageSql(queue, { key: last.due_key, id: last.id });
      const nextPlan = await db.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${next.sql}`, next.params);
      context.log(`EXPLAIN ${queue}, second page:\n${nextPlan.rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n')}`);
    }

    // BENCH_DEADLINE_SWEEP_MS: the deadline sweep's interval, so that a short run sees it (and what it writes).
    const sweepEvery: Record<string, string> = process.env.BENCH_DEADLINE_SWEEP_MS ? { DEADLINE_SWEEP_MS: process.env.BENCH_DEADLINE_SWEEP_MS } : {};
    const app = await startApp(context.tempDir('queue-page-app'), { DATABASE_URL: url, MIGRATION_DATABASE_URL: url, ...sweepEvery });
    context.defer(() => app.stop());
    const sweep = await watchSweepWrites(url, context);
    context.defer(() => sweep.stop());
    const headers = { Authorization: `Bearer ${await app.token(CASEWORKER)}` };
    const floorSql = `SELECT id FROM case_file WHERE state = ANY($1::text[]) ORDER BY due_at, id LIMIT ${PAGE + 1}`;

    const figures: Figure[] = [];
    sweep.requestsFrom = sweep.elapsed();
    for (const queue of QUEUES) {
      const ours: number[] = [];
      const floor: number[] = [];
      await fetch(`${app.url}/v1/queues/${queue}?limit=${PAGE}`, { headers }); // warm-up
      await alternate(context.rounds, {
        ours: () => app.profiled(async () => {
          for (let i = 0; i < requests; i++) {
            ours.push(await millis(async () => {
              const res = await fetch(`${app.url}/v1/queues/${queue}?limit=${PAGE}`, { headers });
              if (!res.ok) throw new Error(`GET /v1/queues/${queue}: ${res.status} ${await res.text()}`);
              await res.arrayBuffer();
            }));
          }
          return 0;
        }),
        floor: async () => {
          for (let i = 0; i < requests; i++) floor.push(await millis(() => db.query(floorSql, [OPEN_CASE_STATES])));
          return 0;
        },
      });
      for (const p of [50, 99]) {
        const chunk = (values: number[]) => Array.from({ length: context.rounds }, (_, r) => percentile(values.slice(r * requests, (r + 1) * requests), p));
        figures.push(figure({
          benchmark: 'queue-page', figure: `${queue} queue p${p}`, unit: 'ms', better: 'lower',
          ours: spread(chunk(ours)), baseline: { name: 'keyset read of page ids', spread: spread(chunk(floor)) },
          ...(p === 99 ? { target: 'p99 < 25 ms', meets: (f: Figure) => f.ours.median < 25 } : {}),
          note: `${cases.toLocaleString('en')} cases, ${requests} requests a round`,
        }));
      }
    }
    context.log(`requests from +${(sweep.requestsFrom / 1000).toFixed(1)} s to +${(sweep.elapsed() / 1000).toFixed(1)} s after the app was ready; ${sweep.report()}`);
    // The rest of the sweep, if it is still writing: until its rows stop changing for 5 s (at most 3 minutes).
    await sweep.settled(5_000, 180_000);
    context.log(`after the requests: ${sweep.report()}`);
    return figures;
  },
};

/**
 * The app's deadline sweep runs beside the requests (issue 17). How many rows it wrote, and when, from
 * PostgreSQL's table counters polled once a second on a connection of its own: case_file rows updated
 * (its clock figures), deadline_watch rows written (what a sweep saw) and notifications sent (its
 * alerts); and how many sweeps ran, to tell a sweep that wrote nothing from one that did not run.
 */
async function watchSweepWrites(url: string, context: { log: (m: string) => void }) {
  const poll = new Client({ connectionString: url });
  poll.on('error', () => undefined);
  await poll.connect();
  type Counts = { caseFile: number; watch: number; notifications: number; sweeps: number };
  const written = async (): Promise<Counts> => {
    const { rows } = await poll.query<{ relname: string; upd: string; ins: string }>(
      `SELECT relname, n_tup_upd AS upd, n_tup_ins AS ins FROM pg_stat_user_tables WHERE relname IN ('case_file', 'deadline_watch', 'notification')`,
    );
    // Each job run is recorded once (job-runner.ts): how many sweeps ran, even one that wrote nothing.
    const [{ sweeps }] = (await poll.query<{ sweeps: number }>(`SELECT count(*)::int AS sweeps FROM processed_job WHERE job_name = 'deadline_sweep'`)).rows;
    const of = (name: string) => rows.find((r) => r.relname === name);
    return {
      caseFile: Number(of('case_file')?.upd ?? 0),
      watch: Number(of('deadline_watch')?.upd ?? 0) + Number(of('deadline_watch')?.ins ?? 0),
      notifications: Number(of('notification')?.ins ?? 0),
      sweeps,
    };
  };
  // Writes only: a sweep that writes nothing does not keep settled() waiting.
  const same = (a: Counts, b: Counts) => a.caseFile === b.caseFile && a.watch === b.watch && a.notifications === b.notifications;
  const start = Date.now();
  const base = await written();
  let last = base;
  let first: number | undefined;
  let lastChange: number | undefined;
  const timer = setInterval(() => {
    written().then((n) => {
      const wrote = !same(n, last);
      last = n;
      if (!wrote) return;
      first ??= Date.now() - start;
      lastChange = Date.now() - start;
    }, () => undefined);
  }, 1000);
  return {
    requestsFrom: 0,
    elapsed: () => Date.now() - start,
    report: () => {
      const counts = `deadline sweeps run: ${last.sweeps - base.sweeps}; case_file rows updated meanwhile: ${last.caseFile - base.caseFile}; deadline_watch rows written: ${last.watch - base.watch}; notifications: ${last.notifications - base.notifications}`;
      return first === undefined ? counts : `${counts}, from +${(first / 1000).toFixed(1)} s to +${(lastChange! / 1000).toFixed(1)} s (±1 s)`;
    },
    settled: async (quietMs: number, maxMs: number) => {
      const until = Date.now() + maxMs;
      while (Date.now() < until && Date.now() - start - (lastChange ?? 0) < quietMs) await new Promise((r) => setTimeout(r, 500));
    },
    stop: async () => {
      clearInterval(timer);
      await poll.end();
    },
  };
}
