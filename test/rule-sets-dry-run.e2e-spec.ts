import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest, submitAndScreen } from './support/applications';

/** DESIGN.md §4: a dry run shows how a new plugin version would change the verdicts of open cases. */
describe('rule-set dry run (e2e)', () => {
  let t: TestApp;
  let rulesDir: string;
  let admin: string;
  let researcher: string;
  const path = (...parts: string[]) => join(rulesDir, ...parts);
  const edit = (file: string[], change: (json: any) => void) => {
    const json = JSON.parse(readFileSync(path(...file), 'utf8'));
    change(json);
    writeFileSync(path(...file), JSON.stringify(json, null, 2));
  };

  beforeAll(async () => {
    rulesDir = mkdtempSync(join(tmpdir(), 'kp-dry-run-'));
    cpSync(resolve(__dirname, '../rules'), rulesDir, { recursive: true });
    t = await startTestApp('dry_run', { env: { RULES_DIR: rulesDir } });
    admin = await t.token({ sub: 'admin-1', role: 'admin' });
    researcher = await t.token({ sub: 'r-1', role: 'researcher', organisation: '31119103' });
  });
  afterAll(async () => {
    await t.close();
    rmSync(rulesDir, { recursive: true, force: true });
  });

  it('reports the open sub-cases whose verdict a candidate version would change, and activates nothing', async () => {
    // Processing outside the research machine with a documented need: the register rules abstain today.
    const { case: c } = await submitAndScreen(
      t,
      researcher,
      completeApplication({ processingEnvironment: 'other', technicalNeed: 'GPU cluster for image models', dataRequests: [dataRequest('lpr')] }),
    );
    expect(c.subCases[0].screening.verdict).toBe('abstain');
    await submitAndScreen(t, researcher, completeApplication({ dataRequests: [dataRequest('epj-region-nordjylland')] }));

    const unchanged = (await request(t.server).post('/v1/admin/rule-sets/dry-run').set(bearer(admin)).expect(200)).body;
    expect(unchanged.plugins.every((p: { status: string }) => p.status === 'unchanged')).toBe(true);
    expect(unchanged).toMatchObject({ openSubCases: 2, changes: [] });

    // Candidate 1.1.0: a documented technical need becomes an info finding that approves.
    edit(['national-registers', 'manifest.json'], (m) => (m.version = '1.1.0'));
    edit(['national-registers', 'rules.json'], (rules) => {
      const list = Array.isArray(rules) ? rules : rules.rules;
      const rule = list.find((r: { event: { params: { code: string } } }) => r.event.params.code === 'NR-TECHNICAL-NEED-TO-ASSESS');
      Object.assign(rule.event.params, { severity: 'info', verdict: 'approve' });
    });
    edit(['national-registers', 'fixtures', 'outside-research-machine-with-need.json'], (f) => (f.expected.verdict = 'approve'));

    const report = (await request(t.server).post('/v1/admin/rule-sets/dry-run').set(bearer(admin)).expect(200)).body;
    expect(report.plugins.find((p: { pluginId: string }) => p.pluginId === 'national-registers')).toMatchObject({
      status: 'would_activate',
      version: '1.1.0',
      inForce: { version: '1.0.0' },
    });
    expect(report.changes).toEqual([
      expect.objectContaining({
        caseNumber: c.number,
        dataSourceId: 'lpr',
        current: expect.objectContaining({ verdict: 'abstain' }),
        candidate: expect.objectContaining({ verdict: 'approve', ruleSets: expect.arrayContaining([{ id: 'national-registers', version: '1.1.0' }]) }),
      }),
    ]);
    // Nothing was activated: the catalogue still shows 1.0.0.
    const catalogue = (await request(t.server).get('/v1/data-sources').expect(200)).body;
    expect(catalogue.find((s: { id: string }) => s.id === 'lpr').ruleSet.version).toBe('1.0.0');
    await request(t.server).post('/v1/admin/rule-sets/dry-run').set(bearer(researcher)).expect(403);
  });
});
