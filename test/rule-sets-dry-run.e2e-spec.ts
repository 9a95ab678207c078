import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inc } from 'semver';
import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest, submitAndScreen } from './support/applications';
import { waitFor } from './support/wait';

/** The shipped national-registers version, and the candidate an author would raise it to. */
const SHIPPED = JSON.parse(readFileSync(resolve(__dirname, '../rules/national-registers/manifest.json'), 'utf8')).version as string;
const CANDIDATE = inc(SHIPPED, 'minor')!;

/** DESIGN.md §4: a dry run shows how a new plugin version would change the verdicts of open cases. */
describe('rule-set dry run, activation, re-screening and replay across versions (e2e)', () => {
  let t: TestApp;
  let rulesDir: string;
  let admin: string;
  let researcher: string;
  let caseworker: string;
  let approver: string;
  let openCase: { id: string; number: string; subCases: { id: string }[] };
  let decidedUnderOldRules: string;
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
    caseworker = await t.token({ sub: 'cw-1', role: 'caseworker' });
    approver = await t.token({ sub: 'la-1', role: 'legal_approver' });
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
    openCase = c;
    await submitAndScreen(t, researcher, completeApplication({ dataRequests: [dataRequest('epj-region-nordjylland')] }));
    // A second such case is decided under the shipped version, to be explained after the rules change.
    const { case: decided } = await submitAndScreen(
      t,
      researcher,
      completeApplication({ processingEnvironment: 'other', technicalNeed: 'GPU cluster for image models', dataRequests: [dataRequest('lpr')] }),
    );
    const draft = (
      await request(t.server)
        .post(`/v1/cases/${decided.id}/sub-cases/${decided.subCases[0].id}/decision-drafts`)
        .set(bearer(caseworker))
        .send({ outcome: 'approved_with_conditions', legalBasis: 'EHDS art. 68', reasoning: 'Technical need documented', conditions: ['Data stay in the named environment'] })
        .expect(201)
    ).body;
    decidedUnderOldRules = (await request(t.server).post(`/v1/decision-drafts/${draft.id}/issue`).set(bearer(approver)).expect(201)).body.decision.id;

    const unchanged = (await request(t.server).post('/v1/admin/rule-sets/dry-run').set(bearer(admin)).expect(200)).body;
    expect(unchanged.plugins.every((p: { status: string }) => p.status === 'unchanged')).toBe(true);
    expect(unchanged).toMatchObject({ openSubCases: 2, changes: [] });

    // The candidate: a documented technical need becomes an info finding that approves.
    edit(['national-registers', 'manifest.json'], (m) => (m.version = CANDIDATE));
    edit(['national-registers', 'rules.json'], (rules) => {
      const list = Array.isArray(rules) ? rules : rules.rules;
      const rule = list.find((r: { event: { params: { code: string } } }) => r.event.params.code === 'NR-TECHNICAL-NEED-TO-ASSESS');
      Object.assign(rule.event.params, { severity: 'info', verdict: 'approve' });
    });
    edit(['national-registers', 'fixtures', 'outside-research-machine-with-need.json'], (f) => (f.expected.verdict = 'approve'));

    const report = (await request(t.server).post('/v1/admin/rule-sets/dry-run').set(bearer(admin)).expect(200)).body;
    expect(report.plugins.find((p: { pluginId: string }) => p.pluginId === 'national-registers')).toMatchObject({
      status: 'would_activate',
      version: CANDIDATE,
      inForce: { version: SHIPPED },
    });
    expect(report.changes).toEqual([
      expect.objectContaining({
        caseNumber: c.number,
        dataSourceId: 'lpr',
        current: expect.objectContaining({ verdict: 'abstain' }),
        candidate: expect.objectContaining({ verdict: 'approve', ruleSets: expect.arrayContaining([{ id: 'national-registers', version: CANDIDATE }]) }),
      }),
    ]);
    // Nothing was activated: the catalogue still shows the shipped version.
    const catalogue = (await request(t.server).get('/v1/data-sources').expect(200)).body;
    expect(catalogue.find((s: { id: string }) => s.id === 'lpr').ruleSet.version).toBe(SHIPPED);
    await request(t.server).post('/v1/admin/rule-sets/dry-run').set(bearer(researcher)).expect(403);
  });

  it('activates the new version on reload, re-screens an open case on request keeping the old screening, and still explains a decision by the version it relied on', async () => {
    const reload = (await request(t.server).post('/v1/admin/rule-sets/reload').set(bearer(admin)).expect(200)).body;
    expect(reload.find((o: { pluginId: string }) => o.pluginId === 'national-registers')).toMatchObject({ status: 'activated', version: CANDIDATE });

    await request(t.server).post(`/v1/cases/${openCase.id}/rescreen`).set(bearer(researcher)).expect(403);
    const queued = (await request(t.server).post(`/v1/cases/${openCase.id}/rescreen`).set(bearer(caseworker)).expect(202)).body;
    expect(queued.ruleSets).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'national-registers', version: CANDIDATE })]));
    const rescreened = await waitFor(async () => {
      const c = (await request(t.server).get(`/v1/cases/${openCase.id}`).set(bearer(caseworker)).expect(200)).body;
      return c.subCases[0].screening.reason === 'rescreen_requested' ? c : undefined;
    }, 20000, 'the re-screening');
    expect(rescreened.subCases[0].screening).toMatchObject({ verdict: 'approve', ruleSets: expect.arrayContaining([expect.objectContaining({ id: 'national-registers', version: CANDIDATE })]) });
    const { Client } = await import('pg');
    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    const { rows } = await db.query(`SELECT verdict, rule_sets FROM screening WHERE sub_case_id = $1 ORDER BY created_at`, [openCase.subCases[0].id]);
    await db.end();
    expect(rows.map((r) => r.verdict)).toEqual(['abstain', 'approve']);

    // The decision made under the shipped version is explained by it: the replay uses the stored version, not the one in force.
    const explanation = (await request(t.server).get(`/v1/decisions/${decidedUnderOldRules}/explanation`).set(bearer(caseworker)).expect(200)).body;
    expect(explanation.ruleSets).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'national-registers', version: SHIPPED })]));
    // The finding that held the case (an approving one, such as the Danish basis, does not).
    expect(explanation.findings.filter((f: { verdict: string }) => f.verdict !== 'approve')).toEqual([
      expect.objectContaining({ code: 'NR-TECHNICAL-NEED-TO-ASSESS', legalReference: expect.any(String), verdict: 'abstain' }),
    ]);
    expect(explanation.replay).toMatchObject({ verdict: 'abstain', reproducesVerdict: true, reproducesFindings: true });
    expect(explanation.decision).toMatchObject({ outcome: 'approved_with_conditions', departsFromEngine: false, engineVerdict: 'abstain', conditions: ['Data stay in the named environment'] });
  });
});
