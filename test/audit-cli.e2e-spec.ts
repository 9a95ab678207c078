import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, submitAndScreen } from './support/applications';

const run = promisify(execFile);
const root = resolve(__dirname, '..');

/** `npm run audit -- …` as an operator runs it, on DATABASE_URL. */
async function auditCli(databaseUrl: string, dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'audit', '--', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run audit -- verify | checkpoint export, against DATABASE_URL (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('audit_cli');
    const researcher = await t.token({ sub: 'researcher-1', role: 'researcher', organisation: '31119103' });
    await submitAndScreen(t, researcher, completeApplication());
  });
  afterAll(() => t.close());

  it('verifies the chain the API wrote, signs and exports checkpoints, and names an altered event', async () => {
    const verified = await auditCli(t.databaseUrl, t.dataDir, 'verify');
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ valid: true, headSeq: expect.any(Number) });

    expect((await auditCli(t.databaseUrl, t.dataDir, 'checkpoint', 'create')).code).toBe(0);
    const file = join(t.dataDir, 'checkpoints.json');
    expect((await auditCli(t.databaseUrl, t.dataDir, 'checkpoint', 'export', file)).code).toBe(0);
    const withFile = await auditCli(t.databaseUrl, t.dataDir, 'verify', '--checkpoints', file);
    // The worker also signs once at start-up, so there may be more than the one created here.
    expect(JSON.parse(withFile.stdout)).toMatchObject({ valid: true, checkpointsMatched: expect.any(Number) });
    expect(JSON.parse(withFile.stdout).checkpointsMatched).toBeGreaterThanOrEqual(1);

    // A superuser alters the first event behind the insert-only trigger; both the CLI and the
    // endpoint name it (a full rewrite with recomputed hashes is covered in libs/audit).
    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      await db.query('BEGIN');
      await db.query('SET LOCAL session_replication_role = replica');
      await db.query(`UPDATE audit_event SET payload = payload || '{"rewritten": true}'::jsonb WHERE seq = 1`);
      await db.query('COMMIT');
    } finally {
      await db.end();
    }
    const broken = await auditCli(t.databaseUrl, t.dataDir, 'verify', '--checkpoints', file);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ valid: false, seq: 1, reason: 'hash_mismatch' });

    const api = await request(t.server).get('/v1/audit/verify').set(bearer(await t.token({ sub: 'auditor-1', role: 'auditor' }))).expect(200);
    expect(api.body).toMatchObject({ valid: false, seq: 1 });
  }, 120000);
});
