import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { inc } from 'semver';
import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, submitAndScreen } from './support/applications';

/** The shipped national-registers version, and the versions an author would raise it to. */
const SHIPPED = JSON.parse(readFileSync(resolve(__dirname, '../rules/national-registers/manifest.json'), 'utf8')).version as string;
const PATCH = inc(SHIPPED, 'patch')!;
const MINOR = inc(SHIPPED, 'minor')!;

interface Outcome {
  pluginId: string;
  status: string;
  version?: string;
  sha256?: string;
  errors?: { file: string; path: string; problem: string }[];
}

describe('rule-set plugins: admin reload without restart, audited activations (e2e)', () => {
  let t: TestApp;
  let db: Client;
  let rulesDir: string;
  let admin: string;
  let researcher: string;
  let auditor: string;
  const file = (...parts: string[]) => join(rulesDir, ...parts);
  const readJson = (...parts: string[]) => JSON.parse(readFileSync(file(...parts), 'utf8'));
  const writeJson = (value: unknown, ...parts: string[]) => writeFileSync(file(...parts), JSON.stringify(value, null, 2));
  const activations = async () =>
    (await db.query(`SELECT actor_sub, actor_role, subject_id, payload FROM audit_event WHERE action = 'rule_set.activated' ORDER BY seq`)).rows;

  beforeAll(async () => {
    rulesDir = mkdtempSync(join(tmpdir(), 'kp-rules-'));
    cpSync(resolve(__dirname, '../rules'), rulesDir, { recursive: true });
    t = await startTestApp('rule_sets', { env: { RULES_DIR: rulesDir } });
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    admin = await t.token({ sub: 'admin-1', role: 'admin' });
    researcher = await t.token({ sub: 'researcher-1', role: 'researcher', organisation: '31119103' });
    auditor = await t.token({ sub: 'auditor-1', role: 'auditor' });
  });
  afterAll(async () => {
    await db.end();
    await t.close();
    rmSync(rulesDir, { recursive: true, force: true });
  });

  it('audits every start-up activation with the system as actor', async () => {
    const rows = await activations();
    expect(rows.map((r) => r.subject_id).sort()).toEqual(['biobanks', 'common', 'national-registers', 'patient-records', 'rkkp']);
    for (const r of rows) {
      expect(r).toMatchObject({ actor_sub: 'system', actor_role: 'system', payload: { trigger: 'start', newlyStored: true, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    }
  });

  it('lists the versions in force with sha256 and loaded-at to the admin only', async () => {
    const res = await request(t.server).get('/v1/admin/rule-sets').set(bearer(admin)).expect(200);
    expect(res.body.map((v: { id: string }) => v.id)).toEqual(['biobanks', 'common', 'national-registers', 'patient-records', 'rkkp']);
    const nr = res.body.find((v: { id: string }) => v.id === 'national-registers');
    expect(nr).toEqual({ id: 'national-registers', version: SHIPPED, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), loadedAt: expect.any(String), dataSources: expect.arrayContaining(['lpr']) });
    expect(Date.parse(nr.loadedAt)).not.toBeNaN();
    await request(t.server).get('/v1/admin/rule-sets').set(bearer(researcher)).expect(403);
    await request(t.server).post('/v1/admin/rule-sets/reload').set(bearer(auditor)).expect(403);
    await request(t.server).post('/v1/admin/rule-sets/reload').expect(401);
  });

  describe('after editing the plugin directory', () => {
    let originalSha: string;

    beforeAll(async () => {
      originalSha = (await request(t.server).get('/v1/admin/rule-sets').set(bearer(admin)).expect(200)).body.find((v: { id: string }) => v.id === 'national-registers').sha256;
    });

    it('refuses a plugin with an unknown operator and one with malformed JSON, naming file and path, and keeps serving the last good versions', async () => {
      const rules = readJson('national-registers', 'rules.json');
      rules.rules[0].conditions.all[0].operator = 'definitelyNotAnOperator';
      writeJson(rules, 'national-registers', 'rules.json');
      const manifest = readJson('national-registers', 'manifest.json');
      writeJson({ ...manifest, version: PATCH }, 'national-registers', 'manifest.json');
      writeFileSync(file('rkkp', 'rules.json'), '{ "rules": [ { "name": "unterminated" ');
      const before = (await activations()).length;

      const res = await request(t.server).post('/v1/admin/rule-sets/reload').set(bearer(admin)).expect(200);
      const byId = Object.fromEntries((res.body as Outcome[]).map((o) => [o.pluginId, o]));
      expect(byId['national-registers'].status).toBe('refused');
      expect(byId['national-registers'].errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ file: expect.stringMatching(/national-registers\/rules\.json$/), path: '$.rules[0].conditions.all[0].operator', problem: expect.stringMatching(/definitelyNotAnOperator/) }),
        ]),
      );
      expect(byId.rkkp.status).toBe('refused');
      expect(byId.rkkp.errors).toEqual([expect.objectContaining({ file: expect.stringMatching(/rkkp\/rules\.json$/), path: '$', problem: expect.stringMatching(/malformed JSON/) })]);
      for (const id of ['common', 'biobanks', 'patient-records']) expect(byId[id].status).toBe('unchanged');
      expect((await activations()).length).toBe(before);

      const { case: c } = await submitAndScreen(t, researcher, completeApplication());
      expect(c.subCases[0].screening.ruleSets).toEqual(expect.arrayContaining([{ id: 'national-registers', version: SHIPPED, sha256: originalSha }]));
    });

    it('activates a raised version with a valid change, audits it with the admin as actor, and the public catalogue shows it', async () => {
      cpSync(resolve(__dirname, '../rules/national-registers/rules.json'), file('national-registers', 'rules.json'));
      const manifest = readJson('national-registers', 'manifest.json');
      manifest.version = MINOR;
      manifest.dataSources[0].requires = [...(manifest.dataSources[0].requires ?? []), 'A data management plan.'];
      writeJson(manifest, 'national-registers', 'manifest.json');

      const res = await request(t.server).post('/v1/admin/rule-sets/reload').set(bearer(admin)).expect(200);
      const nr = (res.body as Outcome[]).find((o) => o.pluginId === 'national-registers')!;
      expect(nr).toEqual({ pluginId: 'national-registers', status: 'activated', version: MINOR, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(nr.sha256).not.toBe(originalSha);
      expect((res.body as Outcome[]).find((o) => o.pluginId === 'rkkp')!.status).toBe('refused');

      const last = (await activations()).at(-1);
      expect(last).toMatchObject({
        actor_sub: 'admin-1',
        actor_role: 'admin',
        subject_id: 'national-registers',
        payload: { pluginId: 'national-registers', version: MINOR, sha256: nr.sha256, trigger: 'reload', newlyStored: true },
      });
      const stored = await db.query(`SELECT version FROM rule_set_version WHERE id = 'national-registers' AND sha256 = $1`, [nr.sha256]);
      expect(stored.rows).toEqual([{ version: MINOR }]);

      const catalogue = await request(t.server).get('/v1/data-sources').expect(200);
      const lpr = catalogue.body.find((d: { id: string }) => d.id === 'lpr');
      expect(lpr.ruleSet).toMatchObject({ id: 'national-registers', version: MINOR, sha256: nr.sha256 });
      const listed = (await request(t.server).get('/v1/admin/rule-sets').set(bearer(admin)).expect(200)).body;
      expect(listed.find((v: { id: string }) => v.id === 'national-registers')).toMatchObject({ version: MINOR, sha256: nr.sha256 });

      const { case: c } = await submitAndScreen(t, researcher, completeApplication());
      expect(c.subCases[0].screening.ruleSets).toEqual(expect.arrayContaining([{ id: 'national-registers', version: MINOR, sha256: nr.sha256 }]));
    });

    it('audits nothing when a reload changes nothing, and the chain still verifies', async () => {
      const before = (await activations()).length;
      const res = await request(t.server).post('/v1/admin/rule-sets/reload').set(bearer(admin)).expect(200);
      expect((res.body as Outcome[]).filter((o) => o.status === 'activated')).toEqual([]);
      expect((await activations()).length).toBe(before);
      const verify = await request(t.server).get('/v1/audit/verify').set(bearer(auditor)).expect(200);
      expect(verify.body.valid).toBe(true);
    });
  });
});
