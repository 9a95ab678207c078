import { Client } from 'pg';
import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, submitAndScreen } from './support/applications';
import { waitFor } from './support/wait';

/**
 * Issue 10 separated an organisation's country from its sector. A submitted application is
 * immutable: content submitted with the old `type` stays in the database as it was, is shown and
 * published in today's shape, and is screened again in today's shape with the same outcome.
 */
describe('applications submitted before issue 10 (e2e)', () => {
  let t: TestApp;
  let db: Client;
  let researcher: string;
  let caseworker: string;
  let submitted: { applicationId: string; caseId: string; number: string };

  /** How a Danish company's application was stored before issue 10. */
  const organisationThen = { name: 'Novo Analytics ApS', cvr: '41234563', country: 'DK', type: 'danish_private' };
  const partnerThen = { name: 'Dansk Fond for Hjerteforskning', cvr: '55428719', type: 'non_commercial' };
  const ethicsThen = { committee: 'VEK', reference: '1-10-72-123-25' };

  beforeAll(async () => {
    t = await startTestApp('before_issue_10');
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    researcher = await t.token({ sub: 'researcher-company', role: 'researcher', organisation: '41234563' });
    caseworker = await t.token({ sub: 'cw-1', role: 'caseworker', organisation: '33257872' });
    const content = completeApplication({
      applicant: { name: 'Mette Jensen', email: 'mette.jensen@novo-analytics.dk', organisation: { name: 'Novo Analytics ApS', cvr: '41234563', country: 'DK', sector: 'private' } },
      danishPartner: { name: 'Dansk Fond for Hjerteforskning', cvr: '55428719', sector: 'non_profit' },
    });
    const s = await submitAndScreen(t, researcher, content);
    submitted = { applicationId: s.applicationId, caseId: s.case.id, number: s.case.number };
    // As it would have been stored before issue 10.
    const old = `jsonb_set(jsonb_set(jsonb_set(content, '{applicant,organisation}', $2::jsonb), '{danishPartner}', $3::jsonb), '{ethicsApproval}', $4::jsonb)`;
    await db.query(`UPDATE application SET content = ${old} WHERE id = $1`, [submitted.applicationId, organisationThen, partnerThen, ethicsThen]);
    await db.query(`UPDATE case_file SET content = ${old} WHERE id = $1`, [submitted.caseId, organisationThen, partnerThen, ethicsThen]);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  it('shows the applicant the content in today’s shape', async () => {
    const res = await request(t.server).get(`/v1/applications/${submitted.applicationId}`).set(bearer(researcher)).expect(200);
    expect(res.body.content.applicant.organisation).toEqual({ name: 'Novo Analytics ApS', cvr: '41234563', country: 'DK', sector: 'private' });
    expect(res.body.content.danishPartner).toEqual({ name: 'Dansk Fond for Hjerteforskning', cvr: '55428719', sector: 'non_profit' });
    // An ethics committee's answer could only be an approval then.
    expect(res.body.content.ethicsApproval).toEqual({ ...ethicsThen, status: 'approved' });
  });

  it('publishes the organisation’s country and sector in the transparency register', async () => {
    const res = await request(t.server).get('/v1/public/applications').expect(200);
    expect(res.body.items.find((i: { caseNumber: string }) => i.caseNumber === submitted.number).applicantOrganisation).toEqual({
      name: 'Novo Analytics ApS',
      country: 'DK',
      sector: 'private',
    });
  });

  it('screens the content again in today’s shape with the same findings, and never rewrites what was submitted', async () => {
    const before = (await request(t.server).get(`/v1/cases/${submitted.caseId}`).set(bearer(caseworker)).expect(200)).body.subCases[0].screening;
    await request(t.server).post(`/v1/cases/${submitted.caseId}/rescreen`).set(bearer(caseworker)).expect(202);
    const again = await waitFor(async () => {
      const c = (await request(t.server).get(`/v1/cases/${submitted.caseId}`).set(bearer(caseworker)).expect(200)).body;
      return c.subCases[0].screening.reason === 'rescreen_requested' ? c.subCases[0].screening : undefined;
    }, 20000, 'the re-screening');
    expect(again.findings.map((f: { code: string }) => f.code)).toEqual(before.findings.map((f: { code: string }) => f.code));
    expect(again.findings.map((f: { code: string }) => f.code)).toContain('NR-PROJECT-SPECIFIC-AUTHORISATION');
    expect(again.verdict).toBe(before.verdict);

    const { rows } = await db.query(`SELECT facts, application FROM screening WHERE id = $1`, [again.id]);
    expect(rows[0].facts).toMatchObject({ applicantOrganisationDanish: true, applicantOrganisationSector: 'private' });
    expect(rows[0].application.applicant.organisation).toEqual({ name: 'Novo Analytics ApS', cvr: '41234563', country: 'DK', sector: 'private' });
    const stored = await db.query(`SELECT content FROM case_file WHERE id = $1`, [submitted.caseId]);
    expect(stored.rows[0].content.applicant.organisation).toEqual(organisationThen);
    expect(stored.rows[0].content.danishPartner).toEqual(partnerThen);
    expect(stored.rows[0].content.ethicsApproval).toEqual(ethicsThen);
  });
});
