import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest, submitAndScreen } from './support/applications';

interface Finding {
  code: string;
  severity: string;
  legalReference: string;
}

/**
 * Danish National Biobank: companies and foreign researchers only with a Danish public or
 * established non-commercial partner (LEGAL.md, [verified]). The partner's sector decides.
 */
describe('biobank access for a company depends on its Danish partner (e2e)', () => {
  let t: TestApp;
  let researcher: string;

  beforeAll(async () => {
    t = await startTestApp('biobank_partner');
    researcher = await t.token({ sub: 'researcher-company', role: 'researcher', organisation: '41234563' });
  });
  afterAll(() => t.close());

  /** A Danish company with ethics approval asking the Danish National Biobank, with the given partner. */
  const companyApplication = (danishPartner: Record<string, unknown>) =>
    completeApplication({
      applicant: {
        name: 'Mette Jensen',
        email: 'mette.jensen@novo-analytics.dk',
        organisation: { name: 'Novo Analytics ApS', cvr: '41234563', country: 'DK', sector: 'private' },
      },
      ethicsApproval: { committee: 'VEK', reference: '1-10-72-123-25', status: 'approved' },
      dataRequests: [dataRequest('biobank-dnb')],
      danishPartner,
    });

  const partnerFindings = (findings: Finding[]) => findings.filter((f) => f.code.startsWith('BB-DANISH-PARTNER'));

  it('blocks a company whose Danish partner is a private company, citing the biobank access conditions', async () => {
    const { case: c } = await submitAndScreen(t, researcher, companyApplication({ name: 'Nordic Biotech Consulting ApS', cvr: '38123459', sector: 'private' }));
    const screening = c.subCases[0].screening;
    expect(partnerFindings(screening.findings)).toEqual([
      expect.objectContaining({ code: 'BB-DANISH-PARTNER-PRIVATE', severity: 'blocking', legalReference: expect.stringMatching(/Danish National Biobank/) }),
    ]);
    expect(screening.verdict).toBe('deny');
  });

  it('lets a company with a non-commercial Danish partner through without a partner finding', async () => {
    const partner = { name: 'Dansk Fond for Hjerteforskning', cvr: '55428719', sector: 'non_profit' };
    const { applicationId, case: c } = await submitAndScreen(t, researcher, companyApplication(partner));
    expect(partnerFindings(c.subCases[0].screening.findings)).toEqual([]);
    expect(c.subCases[0].screening.verdict).toBe('approve');
    const stored = await request(t.server).get(`/v1/applications/${applicationId}`).set(bearer(researcher)).expect(200);
    expect(stored.body.content.danishPartner).toEqual(partner);
  });

  it('accepts a partner without a sector (the issue-5 contract) and asks the caseworker to confirm it', async () => {
    const { case: c } = await submitAndScreen(t, researcher, companyApplication({ name: 'Københavns Universitet', cvr: '29979812' }));
    expect(partnerFindings(c.subCases[0].screening.findings)).toEqual([
      expect.objectContaining({ code: 'BB-DANISH-PARTNER-TYPE-UNCONFIRMED', severity: 'warning' }),
    ]);
    expect(c.subCases[0].screening.verdict).toBe('abstain');
  });

  it('answers an unknown partner sector with a 400 naming danishPartner.sector', async () => {
    const res = await request(t.server)
      .post('/v1/applications')
      .set(bearer(researcher))
      .send(companyApplication({ name: 'Nordic Biotech Consulting ApS', cvr: '38123459', sector: 'private_company' }))
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['danishPartner.sector']);
  });
});
