import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest, submitAndScreen } from './support/applications';

/** The guard rails around decisions: who may touch a case, and what cannot change once decided. */
describe('case integrity and access (e2e)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const post = (path: string, who: string, body: object = {}) => request(t.server).post(path).set(bearer(tokens[who])).send(body);
  const get = (path: string, who: string) => request(t.server).get(path).set(bearer(tokens[who]));

  beforeAll(async () => {
    t = await startTestApp('case_integrity');
    const people = {
      researcher: { sub: 'r-1', role: 'researcher', organisation: '31119103' },
      caseworker: { sub: 'cw-1', role: 'caseworker', organisation: '33257872' },
      conflicted: { sub: 'cw-2', role: 'caseworker', organisation: '33257872' },
      approver: { sub: 'la-1', role: 'legal_approver', organisation: '33257872' },
      approver2: { sub: 'la-2', role: 'legal_approver', organisation: '33257872' },
      advisorMidt: { sub: 'adv-rm', role: 'advisor', region: 'region-midtjylland' },
      controllerMidt: { sub: 'ctl-rm', role: 'controller', organisation: '29190925' },
      auditor: { sub: 'aud-1', role: 'auditor' },
    } as const;
    for (const [name, actor] of Object.entries(people)) tokens[name] = await t.token(actor);
    await request(t.server)
      .put('/v1/me/conflicts')
      .set(bearer(tokens.conflicted))
      .send({ organisations: [{ cvr: '31119103', reason: 'Former employee of the applicant' }] })
      .expect(200);
  });
  afterAll(() => t.close());

  const decideLpr = async (caseId: string, subCaseId: string) => {
    const draft = (await post(`/v1/cases/${caseId}/sub-cases/${subCaseId}/decision-drafts`, 'caseworker', { outcome: 'approved', legalBasis: 'EHDS art. 68', reasoning: 'ok' }).expect(201)).body;
    return (await post(`/v1/decision-drafts/${draft.id}/issue`, 'approver').expect(201)).body;
  };

  it('does not revive a revoked permit through a correcting decision', async () => {
    const { case: c } = await submitAndScreen(t, tokens.researcher, completeApplication());
    const { permit } = await decideLpr(c.id, c.subCases[0].id);
    await post(`/v1/permits/${permit.id}/revoke`, 'approver', { reason: 'Breach of conditions', urgencyReason: 'Data are being disclosed to a third party now.' }).expect(200);
    const correction = (
      await post(`/v1/cases/${c.id}/sub-cases/${c.subCases[0].id}/decision-drafts`, 'caseworker', { outcome: 'approved', legalBasis: 'EHDS art. 68', reasoning: 'typo fixed' }).expect(201)
    ).body;
    const issued = (await post(`/v1/decision-drafts/${correction.id}/issue`, 'approver2').expect(201)).body;
    expect(issued.permit).toBeNull();
    const permits = (await get(`/v1/cases/${c.id}/decisions`, 'researcher').expect(200)).body.permits;
    expect(permits.map((p: { state: string }) => p.state)).toEqual(['revoked']);
  });

  it('refuses a supplement once a part is decided or waits for approval, so a decided part is never judged on a changed application', async () => {
    const { case: c } = await submitAndScreen(t, tokens.researcher, completeApplication({ dataRequests: [dataRequest('lpr'), dataRequest('epj-region-midtjylland')] }));
    const lpr = c.subCases.find((s: { dataSourceId: string }) => s.dataSourceId === 'lpr');
    await post(`/v1/cases/${c.id}/sub-cases/${lpr.id}/decision-drafts`, 'caseworker', { outcome: 'approved', legalBasis: 'EHDS art. 68', reasoning: 'ok' }).expect(201);
    const refused = await post(`/v1/cases/${c.id}/supplement-requests`, 'caseworker', { questions: ['Please extend the project period?'] }).expect(409);
    expect(refused.body.type).toContain('parts-in-decision');
  });

  it('shows an advisor only the parts its region was consulted on, and only known advisors can be consulted', async () => {
    const { case: c } = await submitAndScreen(t, tokens.researcher, completeApplication({ dataRequests: [dataRequest('lpr'), dataRequest('epj-region-midtjylland')] }));
    const view = (await get(`/v1/cases/${c.id}`, 'advisorMidt').expect(200)).body;
    expect(view.subCases.map((s: { dataSourceId: string }) => s.dataSourceId)).toEqual(['epj-region-midtjylland']);
    const unknown = await post(`/v1/cases/${c.id}/consultations`, 'caseworker', {
      advisorRegion: 'region-nowhere',
      question: 'Anything?',
      deadline: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString(),
    }).expect(400);
    expect(unknown.body.errors[0].field).toBe('advisorRegion');
  });

  it('lets a controller decide its recommended part while a consultation about another part is open', async () => {
    const { case: c } = await submitAndScreen(t, tokens.researcher, completeApplication({ dataRequests: [dataRequest('lpr'), dataRequest('epj-region-midtjylland')] }));
    const epj = c.subCases.find((s: { dataSourceId: string }) => s.dataSourceId === 'epj-region-midtjylland');
    const lpr = c.subCases.find((s: { dataSourceId: string }) => s.dataSourceId === 'lpr');
    await post(`/v1/cases/${c.id}/sub-cases/${epj.id}/recommendations`, 'caseworker', { outcome: 'approved', reasoning: 'ok' }).expect(201);
    await post(`/v1/cases/${c.id}/consultations`, 'caseworker', {
      advisorRegion: 'region-hovedstaden',
      subCaseId: lpr.id,
      question: 'Any concerns on the LPR variables?',
      deadline: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString(),
    }).expect(201);
    expect((await get(`/v1/cases/${c.id}`, 'caseworker').expect(200)).body.state).toBe('consultation');
    await post(`/v1/cases/${c.id}/sub-cases/${epj.id}/controller-decision`, 'controllerMidt', { outcome: 'approved', legalBasis: 'Sundhedsloven § 46 stk. 1', reasoning: 'ok' }).expect(201);
  });

  it('holds a declared conflict of interest against every change to the case, not only claiming', async () => {
    const { case: c } = await submitAndScreen(t, tokens.researcher, completeApplication());
    const soon = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
    for (const [path, body] of [
      [`/v1/cases/${c.id}/supplement-requests`, { questions: ['Why?'] }],
      [`/v1/cases/${c.id}/clock/extensions`, { months: 1, reason: 'Complex case' }],
      [`/v1/cases/${c.id}/consultations`, { advisorRegion: 'region-midtjylland', question: 'Why?', deadline: soon }],
      [`/v1/cases/${c.id}/notes`, { text: 'note', visibility: 'internal' }],
    ] as const) {
      const res = await post(path, 'conflicted', body);
      expect({ path, status: res.status, type: res.body.type }).toEqual({ path, status: 403, type: expect.stringContaining('conflict-of-interest') });
    }
  });

  it('takes the applicant organisation from the token, refusing a form that names another CVR', async () => {
    const content = completeApplication();
    (content.applicant as { organisation: { cvr: string } }).organisation.cvr = '29190623';
    const draft = (await post('/v1/applications', 'researcher', content).expect(201)).body;
    const refused = await post(`/v1/applications/${draft.id}/submit`, 'researcher').expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'applicant.organisation.cvr' })]);
  });

  it('closes a pending draft decision when the application is withdrawn', async () => {
    const { applicationId, case: c } = await submitAndScreen(t, tokens.researcher, completeApplication());
    const draft = (await post(`/v1/cases/${c.id}/sub-cases/${c.subCases[0].id}/decision-drafts`, 'caseworker', { outcome: 'approved', legalBasis: 'EHDS art. 68', reasoning: 'ok' }).expect(201)).body;
    await post(`/v1/applications/${applicationId}/withdraw`, 'researcher', { reason: 'Project cancelled' }).expect(200);
    const drafts = (await get(`/v1/cases/${c.id}/decisions`, 'caseworker').expect(200)).body.drafts;
    expect(drafts.find((d: { id: string }) => d.id === draft.id)).toMatchObject({ state: 'returned', returnReason: 'application withdrawn' });
  });

  it('answers malformed ids with 404, never 500', async () => {
    const notUuid = 'a'.repeat(36);
    await get(`/v1/decisions/${notUuid}`, 'caseworker').expect(404);
    await get(`/v1/decisions/${notUuid}/explanation`, 'caseworker').expect(404);
    await get(`/v1/permits/${'-'.repeat(36)}`, 'caseworker').expect(404);
    await post(`/v1/decision-drafts/${notUuid}/issue`, 'approver').expect(404);
    await post(`/v1/permits/${notUuid}/revoke`, 'approver', { reason: 'x' }).expect(404);
  });

  it('lets supervision read internal notes, and logs every staff read of notes and decisions', async () => {
    const { case: c } = await submitAndScreen(t, tokens.researcher, completeApplication());
    await post(`/v1/cases/${c.id}/notes`, 'caseworker', { text: 'Check the fortegnelse with AU', visibility: 'internal' }).expect(201);
    const notes = (await get(`/v1/cases/${c.id}/notes`, 'auditor').expect(200)).body.items;
    expect(notes).toHaveLength(1);
    await get(`/v1/cases/${c.id}/decisions`, 'caseworker').expect(200);
    const timeline = (await get(`/v1/cases/${c.id}/audit`, 'auditor').expect(200)).body;
    const actions = (timeline.items ?? timeline.events).map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['case.notes_viewed', 'case.decisions_viewed']));
  });

  it('returns a draft to the caseworker with a reason, refusing a stale If-Match', async () => {
    const { case: c } = await submitAndScreen(t, tokens.researcher, completeApplication());
    const draft = (await post(`/v1/cases/${c.id}/sub-cases/${c.subCases[0].id}/decision-drafts`, 'caseworker', { outcome: 'approved', legalBasis: 'EHDS art. 68', reasoning: 'ok' }).expect(201)).body;
    await request(t.server).post(`/v1/decision-drafts/${draft.id}/return`).set(bearer(tokens.approver)).set('If-Match', '"1"').send({ reason: 'Cite art. 68(1)' }).expect(412);
    await post(`/v1/decision-drafts/${draft.id}/return`, 'approver', { reason: 'Cite art. 68(1)' }).expect(204);
    const after = (await get(`/v1/cases/${c.id}`, 'caseworker').expect(200)).body;
    expect(after.subCases[0].state).toBe('in_review');
    const drafts = (await get(`/v1/cases/${c.id}/decisions`, 'caseworker').expect(200)).body.drafts;
    expect(drafts[0]).toMatchObject({ state: 'returned', returnReason: 'Cite art. 68(1)', closedBy: 'la-1' });
    await post(`/v1/decision-drafts/${draft.id}/issue`, 'approver2').expect(409);
  });
});
