import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest } from './support/applications';
import { waitFor } from './support/wait';

/**
 * A statistics-only request (issue 15): a second kind of application with its own form and rules —
 * tables of anonymised results, no pseudonymised data, no analysis environment — decided like the
 * others (EHDS art. 69 from 26 March 2029; before that a request under Danish law to the holder's
 * statistics service). The holder sends the results to the applicant and reports it on the same
 * delivery order; kontaktpunkt tracks the delivery and never takes the results.
 */
describe('statistics-only requests (e2e)', () => {
  const SDS = '33257872';
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const get = (path: string, who: string) => request(t.server).get(path).set(bearer(tokens[who]));
  const post = (path: string, who: string, body: object = {}) => request(t.server).post(path).set(bearer(tokens[who])).send(body);

  /** The application's content, as a statistics request: no environment, safeguards, researchers or retention date; tables instead. */
  const statisticsRequest = (overrides: Record<string, unknown> = {}) => {
    const { processingEnvironment, safeguards, researchers, retentionUntil, ...rest } = completeApplication({ projectPeriod: { start: '2029-06-01', end: '2029-12-31' } });
    void processingEnvironment, void safeguards, void researchers, void retentionUntil;
    return {
      ...rest,
      dataRequests: [dataRequest('lpr')],
      statisticalTables: [{ title: 'Stroke admissions per year and region', measure: 'Number of persons admitted', breakdowns: ['year', 'region'] }],
      ...overrides,
    };
  };

  beforeAll(async () => {
    t = await startTestApp('statistics_requests');
    const people = {
      researcher: { sub: 'r-1', role: 'researcher', organisation: '31119103' },
      caseworker: { sub: 'cw-1', role: 'caseworker', organisation: SDS },
      approver: { sub: 'la-1', role: 'legal_approver', organisation: SDS },
      sdsHolder: { sub: 'dh-sds', role: 'data_holder', organisation: SDS },
      sdsEnvironment: { sub: 'env-sds', role: 'environment_operator', organisation: SDS },
    } as const;
    for (const [name, actor] of Object.entries(people)) tokens[name] = await t.token(actor);
  }, 60000);
  afterAll(() => t.close());

  it('has its own form and rules, is decided like an application, and the holder reports the results sent to the applicant', async () => {
    t.clock.set(new Date('2029-04-10T09:00:00Z'));
    // Its own rules: no pseudonymised output, no environment.
    const wrong = (await post('/v1/statistics-requests', 'researcher', statisticsRequest({ output: 'pseudonymised', processingEnvironment: 'sds_research_machine' })).expect(201)).body;
    expect(wrong).toMatchObject({ kind: 'statistics', status: 'draft' });
    const refused = (await post(`/v1/applications/${wrong.id}/check`, 'researcher').expect(200)).body;
    expect(refused.readyToSubmit).toBe(false);
    expect(refused.invalid.map((p: any) => p.field).sort()).toEqual(['output', 'processingEnvironment']);
    // Its own form: the tables are required; named researchers, safeguards and a retention date are not asked for.
    const noTables = (await post('/v1/statistics-requests', 'researcher', statisticsRequest({ statisticalTables: [] })).expect(201)).body;
    expect((await post(`/v1/applications/${noTables.id}/check`, 'researcher').expect(200)).body.missing.map((p: any) => p.field)).toEqual(['statisticalTables']);
    // Tables belong to a statistics request, not to an application for data.
    const mixed = (await post('/v1/applications', 'researcher', completeApplication({ statisticalTables: statisticsRequest().statisticalTables })).expect(201)).body;
    expect((await post(`/v1/applications/${mixed.id}/check`, 'researcher').expect(200)).body.invalid.map((p: any) => p.field)).toEqual(['statisticalTables']);

    const draft = (await post('/v1/statistics-requests', 'researcher', statisticsRequest()).expect(201)).body;
    expect((await post(`/v1/applications/${draft.id}/check`, 'researcher').expect(200)).body).toMatchObject({ readyToSubmit: true, missing: [], invalid: [] });
    const submitted = (await post(`/v1/applications/${draft.id}/submit`, 'researcher').expect(202)).body;
    expect(submitted.kind).toBe('statistics');
    const c = await waitFor(async () => {
      const view = (await get(`/v1/cases/${submitted.id}`, 'researcher').expect(200)).body;
      return view.state === 'in_review' ? view : undefined;
    }, 20000, 'screening');

    // Decided like the others: a caseworker's draft, issued by a second jurist.
    await post(`/v1/cases/${c.id}/claim`, 'caseworker').expect(200);
    const decisionDraft = (
      await post(`/v1/cases/${c.id}/sub-cases/${c.subCases[0].id}/decision-drafts`, 'caseworker', {
        outcome: 'approved',
        legalBasis: 'EHDS art. 69; databeskyttelsesloven § 10 stk. 1',
        reasoning: 'Anonymised statistical results answer the purpose; no personal data leave the holder.',
        departureReason: 'The caseworker has assessed the findings.',
      }).expect(201)
    ).body;
    const permit = (await post(`/v1/decision-drafts/${decisionDraft.id}/issue`, 'approver').expect(201)).body.permit;
    expect(permit.processingEnvironment).toBe('statistics_to_applicant');

    // The holder gets a delivery order: the tables, to the applicant, anonymised, on EHDS art. 69 (after 26 March 2029).
    const [order] = (await get(`/v1/cases/${c.id}/delivery-orders`, 'researcher').expect(200)).body.items;
    expect(order).toMatchObject({
      holder: { cvr: SDS },
      instructions: {
        output: 'anonymised',
        pseudonymisationKeyOwner: null,
        environment: { id: 'statistics_to_applicant', operator: null },
        statisticalTables: [{ title: 'Stroke admissions per year and region', breakdowns: ['year', 'region'] }],
        requestBasis: { en: expect.stringContaining('EHDS art. 69') },
      },
    });
    // No environment, so no operator sees it; the holder reports every step itself.
    expect((await get('/v1/delivery-orders', 'sdsEnvironment').expect(200)).body.items.map((o: any) => o.id)).not.toContain(order.id);
    await post(`/v1/delivery-orders/${order.id}/status`, 'sdsHolder', { status: 'accepted' }).expect(200);
    await post(`/v1/delivery-orders/${order.id}/status`, 'sdsHolder', { status: 'extracted', optOutChecks: ['ehds_art71_opt_out'] }).expect(200);
    // kontaktpunkt never takes the result files: a report carrying results is refused.
    const withFile = (await post(`/v1/delivery-orders/${order.id}/status`, 'sdsHolder', { status: 'delivered', resultFile: 'dGFibGU=' }).expect(400)).body;
    expect(withFile.errors.map((e: any) => e.field)).toContain('resultFile');
    expect((await post(`/v1/delivery-orders/${order.id}/status`, 'sdsHolder', { status: 'delivered' }).expect(200)).body.status).toBe('delivered');
    expect((await get(`/v1/cases/${c.id}`, 'researcher').expect(200)).body.deliveryOrders).toEqual([expect.objectContaining({ id: order.id, status: 'delivered', environment: 'statistics_to_applicant' })]);
  });

  it('before 26 March 2029 it is a request under Danish law to the holder’s statistics service', async () => {
    t.clock.set(new Date('2028-09-04T09:00:00Z'));
    const draft = (await post('/v1/statistics-requests', 'researcher', statisticsRequest({ projectPeriod: { start: '2028-10-01', end: '2028-12-31' } })).expect(201)).body;
    const submitted = (await post(`/v1/applications/${draft.id}/submit`, 'researcher').expect(202)).body;
    const c = await waitFor(async () => {
      const view = (await get(`/v1/cases/${submitted.id}`, 'researcher').expect(200)).body;
      return view.state === 'in_review' ? view : undefined;
    }, 20000, 'screening');
    await post(`/v1/cases/${c.id}/claim`, 'caseworker').expect(200);
    const d = (
      await post(`/v1/cases/${c.id}/sub-cases/${c.subCases[0].id}/decision-drafts`, 'caseworker', {
        outcome: 'approved',
        legalBasis: 'Databeskyttelsesloven § 10 stk. 1',
        reasoning: 'Anonymised statistical results answer the purpose.',
        departureReason: 'The caseworker has assessed the findings.',
      }).expect(201)
    ).body;
    await post(`/v1/decision-drafts/${d.id}/issue`, 'approver').expect(201);
    const [order] = (await get(`/v1/cases/${c.id}/delivery-orders`, 'researcher').expect(200)).body.items;
    expect(order.instructions.requestBasis.en).toContain('Danish law');
    expect(order.instructions.requestBasis.en).not.toContain('EHDS');
  });
});
