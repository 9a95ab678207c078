import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@kp/persistence';
import { BenchContext, BenchmarkSkipped, BenchSize, Benchmark, Figure } from './benchmark';

interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

// A real dynamic import: ts-node compiles `import()` to `require()`, which cannot load this ESM file.
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{
  startEmbeddedPostgres(o: { dataDir: string; persistent: boolean }): Promise<EmbeddedPostgres>;
}>;

export interface Machine {
  at: string;
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  /** 1, 5 and 15 minute load averages at the start and at the end of the run: the machine is shared. */
  loadStart: number[];
  loadEnd?: number[];
  node: string;
  postgres?: string;
  server: 'embedded' | 'DATABASE_URL';
}

export interface RunResult {
  machine: Machine;
  size: BenchSize;
  rounds: number;
  figures: Figure[];
  failures: { benchmark: string; error: string }[];
  /** Benchmarks this machine lacks a tool for (`BenchmarkSkipped`), with the reason. */
  skipped: { benchmark: string; reason: string }[];
}

export interface RunOptions {
  size: BenchSize;
  rounds?: number;
  log?: (message: string) => void;
}

type Cleanup = () => Promise<void> | void;

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Runs the benchmarks against one PostgreSQL server (DATABASE_URL, or an embedded one in a temporary
 * folder), each on databases of its own, and removes every database and folder it made.
 */
export async function runBenchmarks(benchmarks: Benchmark[], options: RunOptions): Promise<RunResult> {
  const log = options.log ?? ((m: string) => console.log(m));
  const cleanups: Cleanup[] = [];
  // What a benchmark starts (its app, databases, folders) ends when that benchmark ends: an app left
  // running (its screening backlog, its sweeps over a million cases) would load the next benchmark.
  let scope = cleanups;
  const tempDir = (label: string) => {
    const dir = mkdtempSync(join(tmpdir(), `kp-bench-${label}-`));
    scope.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };
  const runCleanups = async (list: Cleanup[]) => {
    for (const cleanup of list.reverse()) await Promise.resolve(cleanup()).catch((e) => log(`cleanup failed: ${String(e)}`));
  };
  const machine: Machine = {
    at: new Date().toISOString(),
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    loadStart: loadavg().map(round2),
    node: process.version,
    server: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded',
  };
  const result: RunResult = { machine, size: options.size, rounds: options.rounds ?? 3, figures: [], failures: [], skipped: [] };
  try {
    // Under Jest (bench.heavy-spec.ts) the run's server comes from test/setup/global-setup.mjs: Jest cannot import the ESM launcher.
    let adminUrl = process.env.DATABASE_URL ?? process.env.KP_TEST_ADMIN_URL;
    const needsDatabase = benchmarks.some((benchmark) => benchmark.database !== false);
    if (!adminUrl && needsDatabase) {
      const { startEmbeddedPostgres } = await importEsm(resolve(__dirname, '../../scripts/embedded-postgres.mjs'));
      const pg = await startEmbeddedPostgres({ dataDir: tempDir('pg'), persistent: false });
      cleanups.push(() => pg.stop());
      adminUrl = pg.url;
    }
    if (adminUrl) {
      const admin = new Client({ connectionString: adminUrl });
      await admin.connect();
      machine.postgres = (await admin.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0].v;
      await admin.end();
    }

    const database = async (label: string, { migrated = true } = {}) => {
      if (!adminUrl) throw new Error('this benchmark needs PostgreSQL but is marked database: false');
      const name = `bench_${label.replace(/[^a-z0-9]/gi, '_')}_${randomBytes(4).toString('hex')}`.toLowerCase();
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      scope.push(async () => {
        const c = new Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => c.end());
      });
      const url = new URL(adminUrl!);
      url.pathname = `/${name}`;
      if (migrated) {
        const ds = new DataSource(dataSourceOptions(url.toString()));
        await ds.initialize();
        await ds.runMigrations({ transaction: 'each' });
        await ds.destroy();
      }
      return url.toString();
    };

    for (const benchmark of benchmarks) {
      const own: Cleanup[] = [];
      scope = own;
      const context: BenchContext = {
        size: options.size,
        rounds: result.rounds,
        adminUrl: adminUrl ?? '',
        database,
        tempDir,
        defer: (c) => own.push(c),
        log: (m) => log(`[${benchmark.name}] ${m}`),
      };
      const started = Date.now();
      log(`[${benchmark.name}] ${benchmark.description}`);
      try {
        result.figures.push(...(await benchmark.run(context)));
      } catch (error) {
        if (error instanceof BenchmarkSkipped) {
          result.skipped.push({ benchmark: benchmark.name, reason: error.message });
          log(`[${benchmark.name}] skipped: ${error.message}`);
        } else {
          result.failures.push({ benchmark: benchmark.name, error: (error as Error).stack ?? String(error) });
          log(`[${benchmark.name}] FAILED: ${(error as Error).stack ?? String(error)}`);
        }
      } finally {
        scope = cleanups;
        await runCleanups(own);
      }
      log(`[${benchmark.name}] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await runCleanups(cleanups);
    machine.loadEnd = loadavg().map(round2);
  }
  return result;
}

const fmt = (n: number | undefined) => (n === undefined ? '' : n >= 100 ? Math.round(n).toLocaleString('en') : n >= 10 ? n.toFixed(1) : n.toFixed(2));

/** One Markdown table of every figure: ours and the baseline as median (min–max). */
export function renderTable(result: RunResult): string {
  const lines = [
    '| benchmark | figure | ours: median (min–max) | baseline: median (min–max) | ratio | target | met |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const f of result.figures) {
    const ours = `${fmt(f.ours.median)} ${f.unit} (${fmt(f.ours.min)}–${fmt(f.ours.max)})`;
    const base = f.baseline
      ? f.baseline.skipped
        ? `${f.baseline.name}: skipped (${f.baseline.skipped})`
        : `${f.baseline.name}: ${fmt(f.baseline.spread!.median)} ${f.unit} (${fmt(f.baseline.spread!.min)}–${fmt(f.baseline.spread!.max)})`
      : '—';
    const ratio = f.ratio === undefined ? '' : `${f.ratio.toFixed(2)}×`;
    const met = f.met === undefined ? '' : f.met ? 'yes' : 'no';
    lines.push(`| ${f.benchmark} | ${f.figure}${f.note ? ` — ${f.note}` : ''} | ${ours} | ${base} | ${ratio} | ${f.target ?? ''} | ${met} |`);
  }
  for (const skip of result.skipped) lines.push(`| ${skip.benchmark} | skipped: ${skip.reason} | | | | | |`);
  for (const failure of result.failures) lines.push(`| ${failure.benchmark} | FAILED: ${failure.error.split('\n')[0]} | | | | | |`);
  const m = result.machine;
  lines.push('', `${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}, ${m.postgres ? `PostgreSQL ${m.postgres} (${m.server})` : 'no PostgreSQL'}; ` +
    `load average ${m.loadStart.join(' / ')} at start, ${m.loadEnd?.join(' / ') ?? '?'} at end; ${result.rounds} rounds, ${result.size} size; ${m.at}`);
  return lines.join('\n');
}
