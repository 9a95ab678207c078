import { LocalIssuer } from '@kp/auth';
import { migrateDatabase } from '@kp/platform';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApp } from '../../apps/api/src/configure-app';

export interface RunningApp {
  baseUrl: string;
  issuer: LocalIssuer;
  dataDir: string;
  close(): Promise<void>;
}

// A real dynamic import: ts-node compiles `import()` to `require()`, which cannot load this ESM file.
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{
  startEmbeddedPostgres(o: { dataDir: string; persistent: boolean; settings?: Record<string, string> }): Promise<{ url: string; stop(): Promise<void> }>;
}>;

/**
 * The embedded cluster the simulator starts is thrown away at the end of the run, so it need not
 * survive a crash of the machine: no waiting for the disk at each commit (synchronous_commit),
 * no flushing at all (fsync), no full pages in the WAL after a checkpoint, and checkpoints far
 * apart. Each commit (every request writes an audit event under the chain's lock) then costs
 * memory, not a disk flush. Never for a cluster that holds anything else: these settings are
 * given only to the cluster started here, in its own temporary folder.
 */
export const THROWAWAY_CLUSTER_SETTINGS: Record<string, string> = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  checkpoint_timeout: '30min',
  max_wal_size: '4GB',
  shared_buffers: '256MB',
};

const withDatabase = (url: string, name: string, user?: { name: string; password: string }): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  if (user) {
    parsed.username = user.name;
    parsed.password = encodeURIComponent(user.password);
  }
  return parsed.toString();
};

/**
 * A simulation plays with business time and fills the database with made-up cases: it must never
 * run on a database that holds anything else. Only an empty database (no tables outside the system
 * schemas) is accepted.
 */
export async function refuseForeignData(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const [{ tables }] = (
      await client.query(`SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`)
    ).rows as { tables: number }[];
    if (tables > 0) throw new Error(`DATABASE_URL holds ${tables} tables: a simulation runs only on an empty database of its own (create one, e.g. createdb kp_sim)`);
  } finally {
    await client.end();
  }
}

/**
 * On a DATABASE_URL (an empty database of the simulation's own, on a server that may hold others)
 * only what is the database's own may change: its commits do not wait for the disk
 * (`synchronous_commit = off` for sessions of this database). A crash loses at most the last
 * fraction of a second of commits, never consistency; the server's other databases are untouched.
 */
async function noWaitForTheDisk(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`ALTER DATABASE "${new URL(url).pathname.slice(1).replace(/"/g, '""')}" SET synchronous_commit = off`);
  } finally {
    await client.end();
  }
}

/**
 * The whole app as `npm start` wires it (API + worker in one process, migrate step first as the
 * owner, the app as its own role), on the embedded PostgreSQL in a temporary folder or on an empty
 * DATABASE_URL, with BUSINESS_CLOCK=settable, listening on a free port: the simulator talks to it
 * over HTTP only.
 */
export async function startApp(options: { databaseUrl?: string; quiet?: boolean } = {}): Promise<RunningApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kp-sim-'));
  let ownerUrl: string;
  let stopDatabase = async (): Promise<void> => undefined;
  if (options.databaseUrl) {
    await refuseForeignData(options.databaseUrl);
    ownerUrl = options.databaseUrl;
    await noWaitForTheDisk(ownerUrl);
  } else {
    const { startEmbeddedPostgres } = await importEsm(resolve(__dirname, '../../scripts/embedded-postgres.mjs'));
    const pg = await startEmbeddedPostgres({ dataDir, persistent: false, settings: THROWAWAY_CLUSTER_SETTINGS });
    stopDatabase = () => pg.stop();
    const admin = new Client({ connectionString: pg.url });
    await admin.connect();
    await admin.query('CREATE DATABASE kp_sim');
    await admin.end();
    ownerUrl = withDatabase(pg.url, 'kp_sim');
  }
  const role = { name: `kp_sim_${randomBytes(3).toString('hex')}`, password: randomBytes(18).toString('base64url') };
  const appUrl = withDatabase(ownerUrl, new URL(ownerUrl).pathname.slice(1), role);
  await migrateDatabase({ ownerUrl, appUrl, queueOnPostgres: true });
  Object.assign(process.env, {
    NODE_ENV: 'development',
    DATABASE_URL: appUrl,
    DATA_DIR: dataDir,
    BUSINESS_CLOCK: 'settable',
    OUTBOX_POLL_MS: '20',
    LOG_LEVEL: options.quiet === false ? 'info' : 'warn',
    QUEUE_PREFIX: `kp-sim-${randomBytes(3).toString('hex')}`,
    // The simulator runs every sweep itself at each step (POST /v1/dev/sweeps); the wall-clock schedules stay slow.
    DEADLINE_SWEEP_MS: '3600000',
    CONSULTATION_SWEEP_MS: '3600000',
    PERMIT_EXPIRY_SWEEP_MS: '3600000',
    LAW_CHANGE_SWEEP_MS: '3600000',
    AUDIT_CHECKPOINT_EVERY_MS: '3600000',
    // One address and a handful of people send a year's requests in minutes.
    RATE_LIMIT_PER_IP: '10000000',
    RATE_LIMIT_PUBLIC_PER_IP: '10000000',
    RATE_LIMIT_PER_TOKEN: '10000000',
  });
  delete process.env.REDIS_URL;
  const app = configureApp(await NestFactory.create(ApiModule.register({ withWorker: true }), { bufferLogs: true, logger: ['error', 'warn'] }));
  // The simulator keeps its connections open while a long step runs (a sweep over a year of cases);
  // Node's 5-second keep-alive would close a socket just as the next request reuses it (ECONNRESET).
  const server = app.getHttpServer() as { keepAliveTimeout: number; headersTimeout: number };
  server.keepAliveTimeout = 10 * 60 * 1000;
  server.headersTimeout = server.keepAliveTimeout + 1000;
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const issuer = await LocalIssuer.open(dataDir, 'development');
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    issuer,
    dataDir,
    close: async () => {
      await app.close();
      await stopDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
