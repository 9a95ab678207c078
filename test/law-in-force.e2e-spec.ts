import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, submitAndScreen } from './support/applications';
import { waitFor } from './support/wait';

const DAY_MS = 24 * 60 * 60 * 1000;
/** EHDS chapter IV applies from 26 March 2029 (art. 105). */
const EHDS_APPLIES = '2029-03-26';

/**
 * A screening applies the rules in force on its own date and stores that date; when a rule's
 * in-force period starts, open cases screened under the earlier law are screened again on the
 * sweep's schedule (issue 10). The plugin here gains a rule that applies from 26 March 2029 only.
 */
/** The shipped plugins plus one rule that applies from 26 March 2029 only. */
function rulesWithEhdsRule(): string {
  const rulesDir = mkdtempSync(join(tmpdir(), 'kp-law-'));
  cpSync(resolve(__dirname, '../rules'), rulesDir, { recursive: true });
  const file = join(rulesDir, 'common', 'rules.json');
  const rules = JSON.parse(readFileSync(file, 'utf8'));
  rules.rules.push({
    name: 'results-public-within-18-months',
    inForce: { from: EHDS_APPLIES },
    conditions: { all: [{ fact: 'purposeCategory', operator: 'equal', value: 'scientific_research' }] },
    event: {
      type: 'finding',
      params: {
        code: 'C-EHDS-RESULTS-PUBLIC',
        severity: 'info',
        verdict: 'approve',
        message: { da: 'Resultaterne skal offentliggøres inden 18 måneder.', en: 'Results must be made public within 18 months.' },
        legalReference: 'EHDS art. 61(4)',
      },
    },
  });
  writeFileSync(file, JSON.stringify(rules, null, 2));
  return rulesDir;
}

describe('law in force: screenings apply the law of their date, and open cases are screened again when it changes (e2e)', () => {
  let t: TestApp;
  let rulesDir: string;
  let researcher: string;
  let caseworker: string;
  let admin: string;

  beforeAll(async () => {
    rulesDir = rulesWithEhdsRule();
    t = await startTestApp('law_in_force', { env: { RULES_DIR: rulesDir, LAW_CHANGE_SWEEP_MS: '300' } });
    researcher = await t.token({ sub: 'law-researcher', role: 'researcher', organisation: '31119103' });
    caseworker = await t.token({ sub: 'law-caseworker', role: 'caseworker' });
    admin = await t.token({ sub: 'law-admin', role: 'admin' });
  });
  afterAll(async () => {
    await t.close();
    rmSync(rulesDir, { recursive: true, force: true });
  });

  it('screens a case under the law of its date, lets a caseworker see how it fares from 26 March 2029, and screens it again once that law applies', async () => {
    t.clock.set(new Date('2029-03-20T09:00:00Z'));
    const { case: c } = await submitAndScreen(t, researcher, completeApplication({ projectPeriod: { start: '2029-01-01', end: '2031-12-31' }, retentionUntil: '2032-06-30' }));
    const before = c.subCases[0].screening;
    expect(before.lawDate).toBe('2029-03-20');
    expect(before.findings.map((f: { code: string }) => f.code)).not.toContain('C-EHDS-RESULTS-PUBLIC');

    // A caseworker (read-only) looks ahead: under the law of 26 March 2029 the finding appears.
    const ahead = (await request(t.server).post('/v1/admin/rule-sets/dry-run').set(bearer(caseworker)).send({ lawDate: EHDS_APPLIES }).expect(200)).body;
    expect(ahead.lawDate).toBe(EHDS_APPLIES);
    expect(ahead.changes.find((x: { caseNumber: string }) => x.caseNumber === c.number)?.candidate.findingCodes).toContain('C-EHDS-RESULTS-PUBLIC');
    await request(t.server).post('/v1/admin/rule-sets/dry-run').set(bearer(admin)).send({ lawDate: '26.03.2029' }).expect(400);
    await request(t.server).post('/v1/admin/rule-sets/dry-run').set(bearer(researcher)).send({}).expect(403);

    // The law changes; the sweep, on its schedule, screens the open case again under the new law.
    t.clock.advance(7 * DAY_MS);
    const after = await waitFor(async () => {
      const res = await request(t.server).get(`/v1/cases/${c.id}`).set(bearer(caseworker)).expect(200);
      const screening = res.body.subCases[0].screening;
      return screening.lawDate >= EHDS_APPLIES ? screening : undefined;
    }, 20000, 'the law-change re-screening');
    expect(after.reason).toBe('law_changed');
    expect(after.lawDate).toBe('2029-03-27');
    expect(after.findings.map((f: { code: string }) => f.code)).toContain('C-EHDS-RESULTS-PUBLIC');
  });
});

describe('law in force: a decision rests on a screening under the law of the decision date (e2e)', () => {
  let t: TestApp;
  let rulesDir: string;
  const tokens: Record<string, string> = {};
  const post = (path: string, who: string, body: object = {}) => request(t.server).post(path).set(bearer(tokens[who])).send(body);

  beforeAll(async () => {
    rulesDir = rulesWithEhdsRule();
    // The law-change sweep runs only hourly here, so the decision meets the old screening first.
    t = await startTestApp('law_decision', { env: { RULES_DIR: rulesDir, LAW_CHANGE_SWEEP_MS: '3600000' } });
    tokens.researcher = await t.token({ sub: 'ld-researcher', role: 'researcher', organisation: '31119103' });
    tokens.caseworker = await t.token({ sub: 'ld-caseworker', role: 'caseworker' });
    tokens.approver = await t.token({ sub: 'ld-approver', role: 'legal_approver' });
  });
  afterAll(async () => {
    await t.close();
    rmSync(rulesDir, { recursive: true, force: true });
  });

  it('refuses to issue a draft that rests on a screening from before the law changed, until the case is screened again and the draft redone', async () => {
    t.clock.set(new Date('2029-03-21T09:00:00Z'));
    const { case: c } = await submitAndScreen(t, tokens.researcher, completeApplication({ projectPeriod: { start: '2029-01-01', end: '2031-12-31' }, retentionUntil: '2032-06-30' }));
    const sub = c.subCases[0].id;
    const statement = { outcome: 'approved', legalBasis: 'Databeskyttelsesloven § 10 stk. 1', reasoning: 'Research of significant societal importance; the data are necessary.' };
    const draft = (await post(`/v1/cases/${c.id}/sub-cases/${sub}/decision-drafts`, 'caseworker', statement).expect(201)).body;

    t.clock.set(new Date('2029-03-27T09:00:00Z'));
    const refused = await post(`/v1/decision-drafts/${draft.id}/issue`, 'approver').expect(409);
    expect(refused.body).toMatchObject({ type: expect.stringMatching(/screening-outdated$/), lawDate: '2029-03-21', lawChangedOn: EHDS_APPLIES });
    // A new draft on the old screening is refused too.
    await post(`/v1/decision-drafts/${draft.id}/return`, 'approver', { reason: 'Screen again under the law now in force' }).expect(204);
    expect((await post(`/v1/cases/${c.id}/sub-cases/${sub}/decision-drafts`, 'caseworker', statement).expect(409)).body.type).toMatch(/screening-outdated$/);

    await post(`/v1/cases/${c.id}/rescreen`, 'caseworker').expect(202);
    await waitFor(async () => {
      const res = await request(t.server).get(`/v1/cases/${c.id}`).set(bearer(tokens.caseworker)).expect(200);
      return res.body.subCases[0].screening.lawDate === '2029-03-27' ? res.body : undefined;
    }, 20000, 'the re-screening');
    const redrafted = (await post(`/v1/cases/${c.id}/sub-cases/${sub}/decision-drafts`, 'caseworker', statement).expect(201)).body;
    await post(`/v1/decision-drafts/${redrafted.id}/issue`, 'approver').expect(201);
  });
});
