import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { bearer } from './support/applications';
// A shell on a fresh machine: cleanEnv drops DATABASE_URL, REDIS_URL and every test-only variable (even
// when this Jest run has them, as in the second CI run).
import { Child, cleanEnv as userEnv, freePort } from './support/child-process';

/**
 * The README start command as a user runs it: `npm start` builds the API and runs scripts/start.mjs,
 * which, with DATABASE_URL unset, starts the embedded PostgreSQL 15 with its data in DATA_DIR and
 * then the built app against it. The app is a real child process here, not the in-process test app.
 */
const LISTENING = /kontaktpunkt API listening on (http:\/\/localhost:(\d+)) — API docs: \1\/docs/;
const EMBEDDED = /embedded PostgreSQL 15 running on port (\d+)/;

function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      ok(true);
    });
    socket.once('error', () => ok(false));
  });
}

describe('npm start: embedded PostgreSQL in DATA_DIR, then the built API (e2e)', () => {
  let dataDir: string;
  const launchers: Child[] = [];

  /** `node scripts/start.mjs [migrate]`, as `npm start` runs it after the build. */
  function launch(args: string[], port: number): Child {
    const child = new Child(process.execPath, ['scripts/start.mjs', ...args], userEnv({ DATA_DIR: dataDir, PORT: String(port) }));
    launchers.push(child);
    return child;
  }

  async function serve(): Promise<{ launcher: Child; url: string; pgPort: number }> {
    const launcher = launch([], await freePort());
    const [, url] = await launcher.waitFor(LISTENING, 60_000);
    const [, pgPort] = EMBEDDED.exec(launcher.output)!;
    return { launcher, url, pgPort: Number(pgPort) };
  }

  beforeAll(async () => {
    // The build step of `npm start` (prestart); start.mjs runs dist/apps/api/main.js.
    const build = await new Child('npx', ['nest', 'build', 'api'], userEnv({})).finished(120_000);
    if (build.code !== 0) throw new Error(`nest build api failed:\n${build.stdout}${build.stderr}`);
    dataDir = mkdtempSync(join(tmpdir(), 'kp-launcher-'));
  }, 130_000);

  afterAll(async () => {
    // A failed assertion may leave a launcher running; SIGTERM lets it stop its PostgreSQL too.
    for (const launcher of launchers.filter((l) => l.running)) {
      launcher.kill('SIGTERM');
      await launcher.finished(30_000).catch(() => launcher.kill('SIGKILL'));
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 40_000);

  let researcherToken: string;
  let draftId: string;

  it('serves /health, the docs UI and OpenAPI at the printed URL as the app role kp_app, and keeps a draft made with an `npm run token` token', async () => {
    const { launcher, url, pgPort } = await serve();
    expect(launcher.output).toContain(`data in ${dataDir}`);

    await request(url).get('/health').expect(200, { status: 'ok' });
    await request(url).get('/docs/').expect(200).expect('Content-Type', /html/);
    const spec = await request(url).get('/openapi.json').expect(200);
    expect(Object.keys(spec.body.paths)).toEqual(expect.arrayContaining(['/health', '/v1/applications']));

    // Issued after the app has started, so it is signed with the key the app created in DATA_DIR.
    const token = await new Child('npm', ['run', '--silent', 'token', '--', '--role', 'researcher', '--sub', 'r-1', '--org', '31119103'], userEnv({ DATA_DIR: dataDir })).finished(60_000);
    expect(token).toMatchObject({ code: 0 });
    researcherToken = token.stdout.trim();
    expect(researcherToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    await request(url).get('/v1/me').set(bearer(researcherToken)).expect(200).expect((res) => expect(res.body).toMatchObject({ sub: 'r-1', role: 'researcher' }));
    const draft = await request(url).post('/v1/applications').set(bearer(researcherToken)).send({ title: 'Survives a restart' }).expect(201);
    draftId = draft.body.id;

    // The embedded default runs the app as the role the migrate step granted, not as the superuser.
    const admin = new Client({ connectionString: `postgres://postgres:kontaktpunkt@127.0.0.1:${pgPort}/kontaktpunkt` });
    await admin.connect();
    try {
      const { rows } = await admin.query(
        `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = 'kontaktpunkt' AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      );
      expect(rows).toEqual([{ usename: 'kp_app' }]);
    } finally {
      await admin.end();
    }
    const password = readFileSync(join(dataDir, 'db-app-password'), 'utf8').trim();
    const app = new Client({ connectionString: `postgres://kp_app:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/kontaktpunkt` });
    await app.connect();
    try {
      await expect(app.query('UPDATE audit_event SET action = action')).rejects.toThrow(/permission denied/);
      await expect(app.query('ALTER TABLE audit_event DISABLE TRIGGER USER')).rejects.toThrow(/must be owner/);
    } finally {
      await app.end();
    }

    launcher.kill('SIGTERM');
    const stopped = await launcher.finished(30_000);
    expect({ code: stopped.code, signal: stopped.signal }).toEqual({ code: 0, signal: null });
    expect(await acceptsConnections(pgPort)).toBe(false);
  }, 120_000);

  it('reuses DATA_DIR on the next start: the draft and the token key are still there', async () => {
    expect(draftId).toBeDefined();
    const { launcher, url, pgPort } = await serve();
    expect(pgPort).toBeGreaterThan(0);
    // The token from the first run is still valid, so the signing key was read back, not regenerated.
    const mine = await request(url).get('/v1/applications').set(bearer(researcherToken)).expect(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ id: draftId, content: expect.objectContaining({ title: 'Survives a restart' }) })]);

    launcher.kill('SIGTERM');
    expect(await launcher.finished(30_000)).toMatchObject({ code: 0 });
    expect(await acceptsConnections(pgPort)).toBe(false);
  }, 90_000);

  it('`npm run migration:run` on the same DATA_DIR finds nothing to apply and stops its PostgreSQL', async () => {
    expect(draftId).toBeDefined(); // the first run applied the migrations
    const migrate = launch(['migrate'], await freePort());
    const done = await migrate.finished(60_000);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('migrations applied: 0');
    const [, pgPort] = EMBEDDED.exec(done.stdout)!;
    expect(await acceptsConnections(Number(pgPort))).toBe(false);
  }, 70_000);
});
