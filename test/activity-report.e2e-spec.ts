import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest, submitAndScreen } from './support/applications';

/**
 * The yearly activity report (EHDS art. 59, from 2029): applications received, decisions by
 * outcome, lead times, permits, by track and by source. Every expected figure below is counted by
 * hand from the cases this suite makes through the API on the business clock.
 */
describe('activity report (e2e)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const post = (path: string, who: string, body: object = {}) => request(t.server).post(path).set(bearer(tokens[who])).send(body);
  const get = (path: string, who: string) => request(t.server).get(path).set(bearer(tokens[who]));
  const at = (iso: string) => t.clock.set(new Date(iso));
  const approval = { outcome: 'approved', legalBasis: 'EHDS art. 68; databeskyttelsesloven § 10', reasoning: 'Scientific research of significant societal importance; the data are necessary.', conditions: [] };
  const refusal = {
    outcome: 'rejected',
    legalBasis: 'EHDS art. 68(1)',
    reasoning: 'The variables requested exceed what the purpose needs (data minimisation).',
    conditions: [],
    departureReason: 'The screening did not weigh data minimisation.',
    hearingDispensedReason: 'The refusal rests only on the applicant’s own statement.',
  };
  const decideCentral = async (caseId: string, subCaseId: string, body: object) => {
    const draft = (await post(`/v1/cases/${caseId}/sub-cases/${subCaseId}/decision-drafts`, 'caseworker', body).expect(201)).body;
    await post(`/v1/decision-drafts/${draft.id}/issue`, 'approver').expect(201);
  };

  beforeAll(async () => {
    t = await startTestApp('activity_report', { env: { LOG_LEVEL: 'error' } });
    const people = {
      researcher: { sub: 'r-1', role: 'researcher', organisation: '31119103' },
      caseworker: { sub: 'cw-1', role: 'caseworker', organisation: '33257872' },
      approver: { sub: 'la-1', role: 'legal_approver', organisation: '33257872' },
      controllerMidt: { sub: 'ctl-rm', role: 'controller', organisation: '29190925' },
      auditor: { sub: 'aud-1', role: 'auditor' },
      admin: { sub: 'adm-1', role: 'admin' },
    } as const;
    for (const [name, actor] of Object.entries(people)) tokens[name] = await t.token(actor);

    // X: received 19 December 2025, approved 8 January 2026 (20 days).
    at('2025-12-19T09:00:00Z');
    const x = (await submitAndScreen(t, tokens.researcher, completeApplication())).case;
    await post(`/v1/cases/${x.id}/claim`, 'caseworker').expect(200);
    at('2026-01-08T09:00:00Z');
    await decideCentral(x.id, x.subCases[0].id, approval);

    // A (LPR, central; Region Midtjylland's records, collaborative), B (LPR) and C (LPR): received 2 February 2026.
    at('2026-02-02T09:00:00Z');
    const a = (await submitAndScreen(t, tokens.researcher, completeApplication({ dataRequests: [dataRequest('lpr'), dataRequest('epj-region-midtjylland')] }))).case;
    const b = (await submitAndScreen(t, tokens.researcher, completeApplication())).case;
    const c = await submitAndScreen(t, tokens.researcher, completeApplication());
    for (const id of [a.id, b.id]) await post(`/v1/cases/${id}/claim`, 'caseworker').expect(200);
    const part = (kase: { subCases: { id: string; dataSourceId: string }[] }, source: string) => kase.subCases.find((s) => s.dataSourceId === source)!.id;

    // C withdrawn on 5 February.
    at('2026-02-05T09:00:00Z');
    await post(`/v1/applications/${c.applicationId}/withdraw`, 'researcher', { reason: 'Funding ended.' }).expect(200);
    // A's LPR part approved on 12 February (10 days); Region Midtjylland approves its part with conditions on 18 February (16 days).
    at('2026-02-12T09:00:00Z');
    await decideCentral(a.id, part(a, 'lpr'), approval);
    await post(`/v1/cases/${a.id}/sub-cases/${part(a, 'epj-region-midtjylland')}/recommendations`, 'caseworker', { outcome: 'approved', reasoning: 'Approved by VEK; the variables are proportionate.' }).expect(201);
    at('2026-02-18T09:00:00Z');
    await post(`/v1/cases/${a.id}/sub-cases/${part(a, 'epj-region-midtjylland')}/controller-decision`, 'controllerMidt', {
      outcome: 'approved_with_conditions',
      legalBasis: 'Sundhedsloven § 46 stk. 1',
      reasoning: 'Disclosure approved on the recommendation of the contact point.',
      conditions: ['Only patients treated at Region Midtjylland hospitals'],
    }).expect(201);
    // B refused on 4 March (30 days).
    at('2026-03-04T09:00:00Z');
    await decideCentral(b.id, b.subCases[0].id, refusal);
  }, 180000);
  afterAll(() => t.close());

  it('counts the year’s applications, decisions by outcome, lead times and permits, by track and by source', async () => {
    const report = (await get('/v1/reports/activity?year=2026', 'admin').expect(200)).body;
    expect(report).toMatchObject({
      year: 2026,
      period: { from: '2025-12-31T23:00:00.000Z', to: '2026-12-31T23:00:00.000Z' },
      applicationsReceived: 3,
      withdrawn: 1,
      decisions: { total: 4, byOutcome: { approved: 2, approved_with_conditions: 1, rejected: 1 }, superseding: 0 },
      // 10, 16, 20, 30 days: the median is the mean of 16 and 20; the 90th percentile the 4th of 4.
      leadTime: { count: 4, medianDays: 18, p90Days: 30 },
      permitsIssued: 2,
      byTrack: {
        central: { requestsReceived: 3, decisions: { total: 3, byOutcome: { approved: 2, approved_with_conditions: 0, rejected: 1 } }, leadTime: { count: 3, medianDays: 20, p90Days: 30 } },
        collaborative: { requestsReceived: 1, decisions: { total: 1, byOutcome: { approved: 0, approved_with_conditions: 1, rejected: 0 } }, leadTime: { count: 1, medianDays: 16, p90Days: 16 } },
      },
      fees: null,
    });
    expect(report.bySource.map((s: { dataSourceId: string; requestsReceived: number }) => [s.dataSourceId, s.requestsReceived])).toEqual([
      ['epj-region-midtjylland', 1],
      ['lpr', 3],
    ]);
  });

  it('keeps a case received in December in that year, and its decision in the next', async () => {
    const report = (await get('/v1/reports/activity?year=2025', 'auditor').expect(200)).body;
    expect(report).toMatchObject({ applicationsReceived: 1, decisions: { total: 0 }, leadTime: { count: 0, medianDays: null, p90Days: null }, permitsIssued: 0 });
  });

  it('gives the same figures as CSV, one a line, by Accept header or format parameter', async () => {
    const byHeader = await get('/v1/reports/activity?year=2026', 'auditor').set('Accept', 'text/csv').expect(200);
    expect(byHeader.headers['content-type']).toMatch(/^text\/csv/);
    const lines = byHeader.text.trim().split('\r\n');
    expect(lines[0]).toBe('year,figure,track,data_source,outcome,value');
    expect(lines).toEqual(
      expect.arrayContaining([
        '2026,applications_received,,,,3',
        '2026,decisions,,,rejected,1',
        '2026,lead_time_median_days,,,,18',
        '2026,lead_time_p90_days,,,,30',
        '2026,requests_received,,lpr,,3',
        '2026,decisions,collaborative,,approved_with_conditions,1',
        '2026,fees_invoiced_dkk,,,,',
      ]),
    );
    const byParameter = await get('/v1/reports/activity?year=2026&format=csv', 'admin').expect(200);
    expect(byParameter.text.split('\r\n').slice(0, 3)).toEqual(lines.slice(0, 3));
  });

  it('is for administrators and auditors only, and names the year field when it is missing or wrong', async () => {
    await get('/v1/reports/activity?year=2026', 'caseworker').expect(403);
    await get('/v1/reports/activity?year=2026', 'researcher').expect(403);
    await request(t.server).get('/v1/reports/activity?year=2026').expect(401);
    const missing = await get('/v1/reports/activity', 'admin').expect(400);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toContain('year');
    const wrongFormat = await get('/v1/reports/activity?year=2026&format=xlsx', 'admin').expect(400);
    expect(wrongFormat.body.errors.map((e: { field: string }) => e.field)).toContain('format');
  });
});
