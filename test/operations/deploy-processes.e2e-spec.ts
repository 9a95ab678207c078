import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MIGRATIONS_TABLE } from '@kp/persistence';
import { KP_BACKGROUND_QUEUE, KP_QUEUE } from '@kp/queue';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { inc } from 'semver';
import request from 'supertest';
import { allMigrations } from '../../migrations';
import { asAppRole } from '../support/app-role';
import { startTestApp, TestApp } from '../support/app';
import { bearer } from '../support/applications';
import { Child, cleanEnv, freePort, jsonLines, ROOT } from '../support/child-process';
import { createTestDatabase } from '../support/database';
import { waitFor } from '../support/wait';

/**
 * The built API and worker as operators run them, as separate processes on one PostgreSQL (issue 14):
 * five migrate steps started together migrate once; the logs are JSON from the first line to the
 * last even when the database is unreachable; a rule-set reload on one process reaches a worker
 * process, which audits its own activation; the worker process consumes both queue lanes.
 */
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const children: Child[] = [];
const tempDirs: string[] = [];

function start(args: string[], env: Record<string, string>): Child {
  const child = new Child(process.execPath, args, cleanEnv({ LOG_FORMAT: 'json', ...env }));
  children.push(child);
  return child;
}

function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `kp-${label}-`));
  tempDirs.push(dir);
  return dir;
}

describe('API and worker as separate processes on one PostgreSQL (e2e)', () => {
  beforeAll(async () => {
    // What `npm run build` produces for the two entry points the compose file runs.
    for (const app of ['api', 'worker']) {
      const build = await new Child('npx', ['nest', 'build', app], cleanEnv({})).finished(600_000);
      if (build.code !== 0) throw new Error(`nest build ${app} failed:\n${build.stdout}\n${build.stderr}`);
    }
  }, 1_300_000);

  afterAll(async () => {
    for (const child of children.filter((c) => c.running)) {
      child.kill('SIGTERM');
      await child.finished(120_000).catch(() => child.kill('SIGKILL'));
    }
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  }, 300_000);

  it('five migrate steps started at once on a fresh database all succeed and migrate it once, under the advisory lock', async () => {
    const ownerUrl = await createTestDatabase('migrate_five');
    const appUrl = asAppRole(ownerUrl);
    const runs = Array.from({ length: 5 }, () => start(['scripts/start.mjs', 'migrate'], { DATABASE_URL: appUrl, MIGRATION_DATABASE_URL: ownerUrl, DATA_DIR: tempDir('migrate') }));
    const finished = await Promise.all(runs.map((run) => run.finished(420_000)));
    for (const done of finished) expect({ code: done.code, stderr: done.stderr }).toEqual({ code: 0, stderr: '' });

    const applied = finished.map((done) => {
      const line = jsonLines(done.stdout).find((l) => typeof l.migrationsApplied === 'number');
      return line?.migrationsApplied as number;
    });
    expect(applied.filter((n) => n > 0)).toEqual([allMigrations.length]);
    expect(applied.reduce((a, b) => a + b, 0)).toBe(allMigrations.length);

    const db = new Client({ connectionString: ownerUrl });
    await db.connect();
    try {
      const { rows } = await db.query(`SELECT name, count(*)::int AS n FROM ${MIGRATIONS_TABLE} GROUP BY name`);
      expect(rows).toHaveLength(allMigrations.length);
      expect(rows.every((r) => r.n === 1)).toBe(true);
      // Nobody holds the lock once they are done: the next deploy's migrate step gets it at once.
      const { rows: locks } = await db.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
      expect(locks).toEqual([{ n: 0 }]);
    } finally {
      await db.end();
    }
  }, 450_000);

  it('logs JSON with ISO timestamps from the first line to the last when the database is unreachable, each retry included', async () => {
    const closedPort = await freePort();
    const api = start(['dist/apps/api/main.js'], {
      DATABASE_URL: `postgres://kp_app:secret@127.0.0.1:${closedPort}/kontaktpunkt`,
      DATA_DIR: tempDir('unreachable'),
      PORT: String(await freePort()),
      LOG_LEVEL: 'info',
    });
    const done = await api.finished(300_000);
    expect(done.code).toBe(1);
    expect(done.stderr).toBe('');
    const lines = jsonLines(done.stdout);
    for (const line of lines) {
      expect(line).toEqual(expect.objectContaining({ level: expect.stringMatching(/^(trace|debug|info|warn|error|fatal)$/), time: expect.stringMatching(ISO), msg: expect.any(String) }));
    }
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'kontaktpunkt API starting' });
    const retries = lines.filter((l) => /Unable to connect to the database\. Retrying \(\d+\)/.test(String(l.msg)));
    expect(retries.length).toBeGreaterThanOrEqual(2);
    expect(lines.at(-1)).toMatchObject({ level: 'fatal', msg: expect.stringMatching(/ECONNREFUSED|connect/) });
    // No coloured Nest text (ANSI escapes) anywhere.
    expect(done.stdout).not.toMatch(/\u001b\[/);
  }, 330_000);

  describe('a rule-set reload on the API reaches a separate worker process', () => {
    let t: TestApp;
    let rulesDir: string;
    let worker: Child;
    let workerDataDir: string;
    let metricsPort: number;

    beforeAll(async () => {
      rulesDir = tempDir('rules');
      cpSync(resolve(ROOT, 'rules'), rulesDir, { recursive: true });
      t = await startTestApp('broadcast', { env: { RULES_DIR: rulesDir } });
      workerDataDir = tempDir('worker');
      metricsPort = await freePort();
      worker = start(['dist/apps/worker/main.js'], {
        DATABASE_URL: t.appDatabaseUrl,
        RULES_DIR: rulesDir,
        DATA_DIR: workerDataDir,
        QUEUE_PREFIX: process.env.QUEUE_PREFIX!,
        // The same queue backend as the API beside it (CI's second run: Redis).
        ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
        LOG_LEVEL: 'info',
        METRICS_PORT: String(metricsPort),
      });
      await worker.waitFor(/"msg":"worker started"/, 300_000);
    }, 400_000);

    afterAll(async () => {
      worker?.kill('SIGTERM');
      await worker?.finished(120_000).catch(() => undefined);
      await t?.close();
    }, 200_000);

    it('the worker reloads the new version and audits its own activation, naming itself and the process that took the request', async () => {
      const manifestFile = join(rulesDir, 'national-registers', 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
      const raised = inc(manifest.version, 'minor')!;
      manifest.version = raised;
      manifest.dataSources[0].requires = [...(manifest.dataSources[0].requires ?? []), 'A data management plan.'];
      writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));

      const admin = await t.token({ sub: 'admin-1', role: 'admin' });
      const res = await request(t.server).post('/v1/admin/rule-sets/reload').set(bearer(admin)).expect(200);
      expect(res.body).toEqual(expect.arrayContaining([expect.objectContaining({ pluginId: 'national-registers', status: 'activated', version: raised })]));

      await worker.waitFor(new RegExp(`activated national-registers@${raised.replace(/\./g, '\\.')}`), 120_000);
      const db = new Client({ connectionString: t.databaseUrl });
      await db.connect();
      try {
        const { rows } = await db.query(
          `SELECT actor_sub, payload FROM audit_event WHERE action = 'rule_set.activated' AND payload->>'pluginId' = 'national-registers' AND payload->>'version' = $1 ORDER BY seq`,
          [raised],
        );
        expect(rows).toHaveLength(2);
        const [api, follower] = rows;
        expect(api).toMatchObject({ actor_sub: 'admin-1', payload: { trigger: 'reload', newlyStored: true, process: { role: 'api+worker', pid: process.pid } } });
        expect(follower).toMatchObject({
          actor_sub: 'admin-1',
          payload: { trigger: 'broadcast', newlyStored: false, via: api.payload.process.id, process: { role: 'worker' } },
        });
        expect(follower.payload.process.pid).not.toBe(process.pid);
        // Both started with the shipped versions: each process audited its own start too.
        const { rows: starts } = await db.query(
          `SELECT DISTINCT payload->'process'->>'role' AS role FROM audit_event WHERE action = 'rule_set.activated' AND payload->>'trigger' = 'start'`,
        );
        expect(starts.map((r) => r.role).sort()).toEqual(['api+worker', 'worker']);
      } finally {
        await db.end();
      }
    }, 200_000);

    it('the worker consumes both lanes: the urgent queue and the background one (the journal)', async () => {
      // Each process that runs a worker has one on each lane; BullMQ lists them from the backend
      // (Redis: named connections; PostgreSQL: application_name). The API here runs its own too.
      for (const lane of [KP_QUEUE, KP_BACKGROUND_QUEUE]) {
        const workers = await waitFor(async () => {
          const listed = await t.app.get<Queue>(getQueueToken(lane)).getWorkers();
          return listed.length >= 2 ? listed : undefined;
        }, 60_000, `the worker process on ${lane}`);
        expect(workers).toHaveLength(2);
      }
    }, 120_000);

    it('the worker writes a heartbeat its health command checks, serves /metrics on its own port, and logs its shutdown', async () => {
      const health = await new Child(process.execPath, ['dist/apps/worker/main.js', 'health'], cleanEnv({ DATABASE_URL: t.appDatabaseUrl, DATA_DIR: workerDataDir, LOG_FORMAT: 'json' })).finished(120_000);
      expect({ code: health.code, stdout: health.stdout }).toEqual({ code: 0, stdout: '' });

      const metrics = await request(`http://127.0.0.1:${metricsPort}`).get('/metrics').expect(200);
      expect(metrics.text).toMatch(/^kp_queue_jobs\{state="waiting"\} \d+$/m);
      expect(metrics.text).toMatch(/^kp_audit_chain_head_seq [1-9]\d*$/m);

      worker.kill('SIGTERM');
      const done = await worker.finished(120_000);
      expect(done.stderr).toBe('');
      const lines = jsonLines(done.stdout);
      for (const line of lines) expect(line.time).toMatch(ISO);
      expect(lines[0]).toMatchObject({ msg: 'kontaktpunkt worker starting' });
      expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining([expect.stringMatching(/^shutting down on SIGTERM/)]));
      expect(lines.at(-1)).toMatchObject({ msg: 'stopped' });
      expect(existsSync(join(workerDataDir, 'worker-heartbeat.json'))).toBe(false);

      const unhealthy = await new Child(process.execPath, ['dist/apps/worker/main.js', 'health'], cleanEnv({ DATABASE_URL: t.appDatabaseUrl, DATA_DIR: workerDataDir, LOG_FORMAT: 'json' })).finished(120_000);
      expect(unhealthy.code).toBe(1);
      expect(jsonLines(unhealthy.stdout)).toEqual([expect.objectContaining({ level: 'error', msg: expect.stringContaining('no worker heartbeat') })]);
    }, 400_000);
  });
});
