import { Actor, LocalIssuer } from '@kp/auth';
import { BusinessClock, SettableClock } from '@kp/clock';
import { INestApplication, Provider, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { migrateAsOwner } from './app-role';
import { createTestDatabase } from './database';

/**
 * Suites send hundreds of requests, and many 401s on purpose, from one address in seconds: the
 * limits are raised so that no suite but test/security/rate-limits.e2e-spec.ts (which passes the
 * production defaults in `env`) ever sees a 429.
 */
export const RAISED_RATE_LIMITS: Readonly<Record<string, string>> = {
  RATE_LIMIT_PER_IP: '1000000',
  RATE_LIMIT_PUBLIC_PER_IP: '1000000',
  RATE_LIMIT_PER_TOKEN: '1000000',
  RATE_LIMIT_AUTH_FAILURES_PER_IP: '1000000',
};

export interface TestApp {
  app: INestApplication;
  server: ReturnType<INestApplication['getHttpServer']>;
  /** The owner's URL: for assertions and for playing an attacker with database access. */
  databaseUrl: string;
  /** What the app connects as: the run's app role, granted by the migrate step (issue 13). */
  appDatabaseUrl: string;
  dataDir: string;
  /** Business time (BUSINESS_CLOCK=settable): runs with the wall clock until a test moves it forward. */
  clock: SettableClock;
  /** A bearer token for this actor from the local issuer the app trusts. */
  token(actor: Actor): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  extraControllers?: Type[];
  extraProviders?: Provider[];
  env?: Record<string, string>;
  /** `owner`: connect the app as the owner instead of the app role (to show what production refuses). */
  connectAs?: 'app' | 'owner';
}

/**
 * The whole app in process, as `npm start` wires it (API + worker), on a database of its own: the
 * migrate step runs first as the owner, then the app connects as the run's app role.
 * The queue backend follows REDIS_URL exactly as in production.
 */
/**
 * How long a test app may take to close. A BullMQ worker whose Redis client is reconnecting when the
 * app closes never finishes closing (taskforcesh/bullmq#4656, open): after a Redis outage test that
 * held a suite's afterAll past Jest's minute. The app's own shutdown on a signal has a deadline
 * (ShutdownLog); a test app is closed without one, so its close is bounded here, and said.
 */
const CLOSE_WITHIN_MS = 20_000;

async function closeWithin(app: { close(): Promise<void> }, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  const outcome = await Promise.race([app.close().then(() => 'closed' as const), late]).finally(() => clearTimeout(timer));
  if (outcome === 'late') console.warn(`the test app had not closed after ${ms} ms; going on without it (see taskforcesh/bullmq#4656)`);
}

export async function startTestApp(label: string, options: TestAppOptions = {}): Promise<TestApp> {
  const databaseUrl = await createTestDatabase(label);
  const dataDir = mkdtempSync(join(tmpdir(), `kp-${label}-`));
  const queueOnPostgres = !(options.env?.REDIS_URL ?? process.env.REDIS_URL);
  const appUrl = await migrateAsOwner(databaseUrl, queueOnPostgres);
  const appDatabaseUrl = options.connectAs === 'owner' ? databaseUrl : appUrl;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: appDatabaseUrl,
    DATA_DIR: dataDir,
    OUTBOX_POLL_MS: '50',
    QUEUE_PREFIX: `kp-test-${label}-${Date.now().toString(36)}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    BUSINESS_CLOCK: 'settable',
    ...RAISED_RATE_LIMITS,
    ...options.env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [ApiModule.register({ withWorker: true })],
    controllers: options.extraControllers ?? [],
    providers: options.extraProviders ?? [],
  }).compile();
  const app = configureApp(moduleRef.createNestApplication({ bufferLogs: true }));
  try {
    await app.init();
  } catch (error) {
    // A refused start (e.g. production on the owner role) must not leave pools and timers open.
    await app.close().catch(() => undefined);
    throw error;
  }
  const issuer = await LocalIssuer.open(dataDir, 'test');
  const clock = app.get(BusinessClock);
  if (!(clock instanceof SettableClock)) throw new Error('test apps run on a settable business clock');
  return {
    app,
    clock,
    server: app.getHttpServer(),
    databaseUrl,
    appDatabaseUrl,
    dataDir,
    token: (actor) => issuer.sign(actor),
    // The data folder (journal files, keys) goes with the app: CI runs leave no folders behind.
    close: async () => {
      await closeWithin(app, CLOSE_WITHIN_MS);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
