import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { binary, pdfText } from './support/pdf-text';
import { bearer, catalogueVariables, completeApplication, dataRequest, submitAndScreen } from './support/applications';

/**
 * Fees (issue 15): each source's manifest gives its holder's fee model (fixed part, per variable,
 * hourly estimate; figures not confirmed against a price list are marked illustrative). The check
 * shows the estimate before submission and the permit the final amount, one line per holder; from
 * 26 March 2029 EHDS art. 62 applies: one invoice, reductions for public and academic applicants.
 * The expected amounts are worked out here from the shipped manifests.
 */
describe('fees: the estimate before submission and the amount on the permit (e2e)', () => {
  const SDS = '33257872';
  const RKKP = '29190925';
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const post = (path: string, who: string, body: object = {}) => request(t.server).post(path).set(bearer(tokens[who])).send(body);

  interface Model {
    fixed?: number;
    perVariable?: number;
    hourly?: { rate: number; estimatedHours: number };
    reductions: { sectors: string[]; percent: number; from: string }[];
    verified: boolean;
  }
  const modelOf = (plugin: string, source: string): Model =>
    (JSON.parse(readFileSync(join(__dirname, '../rules', plugin, 'manifest.json'), 'utf8')) as { dataSources: { id: string; fees: Model }[] }).dataSources.find((s) => s.id === source)!.fees;
  const priced = (m: Model, variables: number) => (m.fixed ?? 0) + variables * (m.perVariable ?? 0) + (m.hourly ? m.hourly.rate * m.hourly.estimatedHours : 0);
  const lpr = modelOf('national-registers', 'lpr');
  const dap = modelOf('rkkp', 'rkkp-dap');
  const lprAmount = priced(lpr, catalogueVariables('lpr').length);
  const dapAmount = priced(dap, catalogueVariables('rkkp-dap').length);

  const content = (sector = 'public_research') =>
    completeApplication({
      applicant: { name: 'Mette Jensen', email: 'mette.jensen@au.dk', organisation: { name: 'Aarhus Universitet', cvr: '31119103', country: 'DK', sector } },
      projectPeriod: { start: '2029-06-01', end: '2031-12-31' },
      retentionUntil: '2031-12-31',
      dataRequests: [dataRequest('lpr'), dataRequest('rkkp-dap')],
    });
  const checkFees = async (body: Record<string, unknown>) => {
    const draft = (await post('/v1/applications', 'researcher', body).expect(201)).body;
    return (await post(`/v1/applications/${draft.id}/check`, 'researcher').expect(200)).body.fees;
  };

  beforeAll(async () => {
    t = await startTestApp('fees');
    const people = {
      researcher: { sub: 'r-1', role: 'researcher', organisation: '31119103' },
      caseworker: { sub: 'cw-1', role: 'caseworker', organisation: SDS },
      approver: { sub: 'la-1', role: 'legal_approver', organisation: SDS },
    } as const;
    for (const [name, actor] of Object.entries(people)) tokens[name] = await t.token(actor);
  }, 60000);
  afterAll(() => t.close());

  it('estimates one line per holder before submission, with prices marked illustrative where unconfirmed; no art. 62 reduction before 2029', async () => {
    t.clock.set(new Date('2028-11-01T09:00:00Z'));
    const fees = await checkFees(content());
    expect(fees).toMatchObject({ currency: 'DKK', lawDate: '2028-11-01', illustrative: !(lpr.verified && dap.verified), withoutFeeModel: [] });
    const lines = Object.fromEntries(fees.holders.map((h: any) => [h.holder.cvr, h]));
    expect(Object.keys(lines).sort()).toEqual([RKKP, SDS].sort());
    expect(lines[SDS]).toMatchObject({ holder: { name: 'Sundhedsdatastyrelsen' }, sources: [{ dataSourceId: 'lpr', amount: lprAmount }], reduction: null, total: lprAmount });
    expect(lines[RKKP]).toMatchObject({ sources: [{ dataSourceId: 'rkkp-dap', amount: dapAmount }], reduction: null, total: dapAmount });
    expect(fees.total).toBe(lprAmount + dapAmount);
  });

  it('from 26 March 2029 reduces a public research applicant’s fees (EHDS art. 62), not a private company’s', async () => {
    t.clock.set(new Date('2029-04-02T09:00:00Z'));
    const cut = (m: Model) => m.reductions.find((r) => r.sectors.includes('public_research') && r.from <= '2029-04-02')!.percent;
    const publicFees = await checkFees(content());
    const sds = publicFees.holders.find((h: any) => h.holder.cvr === SDS);
    expect(sds.reduction).toMatchObject({ percent: cut(lpr), legalReference: expect.stringContaining('EHDS art. 62') });
    expect(sds.total).toBe(lprAmount - Math.round((lprAmount * cut(lpr)) / 100));
    const privateFees = await checkFees(content('private'));
    expect(privateFees.holders.every((h: any) => h.reduction === null)).toBe(true);
    expect(privateFees.total).toBe(lprAmount + dapAmount);
  });

  it('states the final amount on the permit, one line per holder of the approved parts', async () => {
    t.clock.set(new Date('2029-04-02T09:00:00Z'));
    const { case: c } = await submitAndScreen(t, tokens.researcher, content());
    await post(`/v1/cases/${c.id}/claim`, 'caseworker').expect(200);
    let issued: Record<string, any> = {};
    for (const s of c.subCases) {
      const draft = (
        await post(`/v1/cases/${c.id}/sub-cases/${s.id}/decision-drafts`, 'caseworker', {
          outcome: 'approved',
          legalBasis: 'Databeskyttelsesloven § 10 stk. 1',
          reasoning: 'Scientific research of significant societal importance; the data are necessary.',
          departureReason: 'The caseworker has assessed the findings.',
        }).expect(201)
      ).body;
      issued = (await post(`/v1/decision-drafts/${draft.id}/issue`, 'approver').expect(201)).body;
    }
    const fees = issued.permit.fees;
    expect(fees.lawDate).toBe('2029-04-02');
    expect(fees.holders.map((h: any) => h.holder.cvr).sort()).toEqual([RKKP, SDS].sort());
    expect(fees.total).toBe(fees.holders.reduce((sum: number, h: any) => sum + h.total, 0));
    const permit = (await request(t.server).get(`/v1/permits/${issued.permit.id}`).set(bearer(tokens.researcher)).expect(200)).body;
    expect(permit.fees).toEqual(fees);
    // The permit document states them too, marked illustrative while the prices are not confirmed.
    const text = await pdfText((await request(t.server).get(`/v1/permits/${permit.id}/document.pdf`).set(bearer(tokens.researcher)).buffer(true).parse(binary).expect(200)).body);
    expect(text).toContain('Gebyrer');
    expect(text).toContain('I alt på én faktura');
    expect(text).toContain('vejledende');
  });
});
