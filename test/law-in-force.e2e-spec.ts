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
describe('law in force: screenings apply the law of their date, and open cases are screened again when it changes (e2e)', () => {
  let t: TestApp;
  let rulesDir: string;
  let researcher: string;
  let caseworker: string;
  let admin: string;

  beforeAll(async () => {
    rulesDir = mkdtempSync(join(tmpdir(), 'kp-law-'));
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
