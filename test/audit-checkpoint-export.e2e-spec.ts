import { AuditLog, CHECKPOINT_LOG_FILE, parseCheckpointLog } from '@kp/audit';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { asSuperuserBypassingTriggers, rewriteChain } from '../libs/audit/test/audit-database';
import { startTestApp, TestApp } from './support/app';
import { bearer } from './support/applications';
import { waitFor } from './support/wait';

const run = promisify(execFile);
const root = resolve(__dirname, '..');

async function verifyCli(t: TestApp, ...args: string[]): Promise<{ code: number; result: Record<string, unknown> }> {
  try {
    const { stdout } = await run('npm', ['run', '--silent', 'audit', '--', 'verify', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: t.appDatabaseUrl, DATA_DIR: t.dataDir },
    });
    return { code: 0, result: JSON.parse(stdout) };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, result: JSON.parse(e.stdout) };
  }
}

/**
 * Issue 13: checkpoints every N events, each appended, signed, to an append-only log outside the
 * database; the log catches a rewrite that the database's own checkpoints no longer can.
 */
describe('audit checkpoints every N events, exported to an append-only log (e2e)', () => {
  let t: TestApp;
  const exportDir = mkdtempSync(join(tmpdir(), 'kp-audit-export-'));
  const logFile = join(exportDir, CHECKPOINT_LOG_FILE);
  const exported = () => (existsSync(logFile) ? parseCheckpointLog(readFileSync(logFile, 'utf8')).checkpoints : []);

  async function appendEvents(n: number): Promise<void> {
    for (let i = 0; i < n; i += 1) {
      await t.app.get(DataSource).transaction((m) =>
        t.app.get(AuditLog).append(m, { actor: { sub: 'cw-1', role: 'caseworker' }, action: 'case.viewed', subject: { type: 'case', id: `c-${i}` }, payload: { i } }),
      );
    }
  }
  const headSeq = async () => Number((await t.app.get(DataSource).query('SELECT max(seq) AS s FROM audit_event'))[0].s);

  beforeAll(async () => {
    // The timer is an hour away: every checkpoint below comes from the event count.
    t = await startTestApp('audit_export', {
      env: { AUDIT_CHECKPOINT_EVERY_EVENTS: '4', AUDIT_CHECKPOINT_EVERY_MS: '3600000', AUDIT_CHECKPOINT_EXPORT_DIR: exportDir },
    });
  });
  afterAll(() => t?.close());

  it('signs a checkpoint once the chain has grown by N events, and appends it to the log before it is stored', async () => {
    // Start-up may already have appended events (rule-set activations) and signed them on the timer's first run.
    const start = await headSeq();
    await appendEvents(8 - (start % 4));
    const target = Math.floor((await headSeq()) / 4) * 4;
    await waitFor(async () => exported().some((c) => c.seq === target), 15000, `a checkpoint at seq ${target} in the log`);
    const stored = (await t.app.get(DataSource).query('SELECT seq, hash FROM audit_checkpoint ORDER BY seq')) as { seq: string; hash: string }[];
    for (const line of exported()) expect(stored).toContainEqual({ seq: String(line.seq), hash: line.hash });
    expect((await verifyCli(t, '--checkpoints', exportDir)).result).toMatchObject({ valid: true, checkpointsMatched: exported().length });
  });

  it('catches a consistent rewrite after the last stored checkpoint that the database alone no longer shows', async () => {
    const signed = exported();
    const last = signed[signed.length - 1];
    await appendEvents(2); // events after the last checkpoint, which no checkpoint covers yet
    const previous = signed.length > 1 ? signed[signed.length - 2].seq : 0;

    // An operator with database access rewrites the events after the previous checkpoint and
    // removes the stored checkpoint that covers them: every hash recomputed, no row out of place.
    await asSuperuserBypassingTriggers(t.databaseUrl, async (c) => {
      await rewriteChain(c, previous + 1);
      await c.query('DELETE FROM audit_checkpoint WHERE seq > $1', [previous]);
    });

    const auditor = await t.token({ sub: 'auditor-1', role: 'auditor' });
    const api = await request(t.server).get('/v1/audit/verify').set(bearer(auditor)).expect(200);
    expect(api.body).toMatchObject({ valid: true });

    const cli = await verifyCli(t, '--checkpoints', exportDir);
    expect(cli.code).toBe(1);
    expect(cli.result).toMatchObject({ valid: false, reason: 'checkpoint_mismatch', seq: last.seq, expectedHash: last.hash });
  });
});
