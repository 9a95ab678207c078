import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Child, cleanEnv, freePort, jsonLines } from './support/child-process';

/**
 * API_PROCESSES (issue 17): `npm start` with API_PROCESSES=2 serves one port from two API processes
 * under a primary that only supervises — the migrate step runs once, before either serves; both
 * answer requests; one that dies is replaced; SIGTERM stops them all.
 */
describe('API_PROCESSES: several API processes on one port (e2e)', () => {
  let dataDir: string;
  let launcher: Child | undefined;

  beforeAll(async () => {
    // The build step of `npm start` (prestart); start.mjs runs dist/apps/api/main.js.
    const build = await new Child('npx', ['nest', 'build', 'api'], cleanEnv({})).finished(120_000);
    if (build.code !== 0) throw new Error(`nest build api failed:\n${build.stdout}${build.stderr}`);
    dataDir = mkdtempSync(join(tmpdir(), 'kp-processes-'));
  }, 130_000);

  afterAll(async () => {
    if (launcher?.running) {
      launcher.kill('SIGTERM');
      await launcher.finished(30_000).catch(() => launcher!.kill('SIGKILL'));
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 40_000);

  const listeningPids = (stdout: string): number[] =>
    jsonLines(stdout)
      .filter((line) => typeof line.msg === 'string' && /^API process \d of 2 listening$/.test(line.msg))
      .map((line) => line.workerPid as number);

  const alive = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it('serves from two processes, migrates once, replaces one that dies and stops both on SIGTERM', async () => {
    const port = await freePort();
    launcher = new Child(process.execPath, ['scripts/start.mjs'], cleanEnv({ DATA_DIR: dataDir, PORT: String(port), API_PROCESSES: '2', LOG_FORMAT: 'json' }));
    await launcher.waitFor(/"msg":"API process 2 of 2 listening"/, 90_000);
    const [first, second] = listeningPids(launcher.stdout);
    expect(new Set([first, second]).size).toBe(2);
    expect(launcher.stdout.match(/migrations applied: /g)).toHaveLength(1);

    // New connections are handed to the processes in turn: both answer.
    const url = `http://127.0.0.1:${port}`;
    // Each answer is logged by the process that gave it, under its pid (a 401 needs no token to provoke).
    for (let i = 0; i < 12; i++) await request(url).get('/v1/me').set('Connection', 'close').expect(401);
    const answeredBy = new Set(jsonLines(launcher.stdout).filter((line) => (line.req as { url?: string } | undefined)?.url === '/v1/me').map((line) => line.pid));
    expect(answeredBy).toEqual(new Set([first, second]));

    process.kill(first, 'SIGKILL');
    await launcher.waitFor(/an API process died: starting another[\s\S]*"msg":"API process 2 of 2 listening"/, 60_000);
    const third = listeningPids(launcher.stdout)[2];
    expect([first, second]).not.toContain(third);
    await request(url).get('/health/ready').expect(200);

    launcher.kill('SIGTERM');
    const stopped = await launcher.finished(30_000);
    expect({ code: stopped.code, signal: stopped.signal }).toEqual({ code: 0, signal: null });
    expect([second, third].filter(alive)).toEqual([]);
  }, 180_000);
});
