import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest, submitAndScreen } from './support/applications';

/**
 * Revocation hearing (issue 16): a permit is revoked only after its holder has been heard on the
 * grounds, with at most four weeks to answer (EHDS art. 63 from 2029; forvaltningsloven § 19 now),
 * or, in the urgent cases § 19, stk. 2 allows, with the reason recorded.
 */
describe('revoking a permit after hearing its holder (e2e)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const DAY = 24 * 60 * 60 * 1000;
  const get = (path: string, who: string) => request(t.server).get(path).set(bearer(tokens[who]));
  const post = (path: string, who: string, body: object = {}) => request(t.server).post(path).set(bearer(tokens[who])).send(body);

  async function permitted(): Promise<{ caseId: string; permitId: string }> {
    const { case: c } = await submitAndScreen(t, tokens.researcher, completeApplication({ dataRequests: [dataRequest('lpr')] }));
    await post(`/v1/cases/${c.id}/claim`, 'caseworker').expect(200);
    const draft = (await post(`/v1/cases/${c.id}/sub-cases/${c.subCases[0].id}/decision-drafts`, 'caseworker', { outcome: 'approved', legalBasis: 'EHDS art. 68', reasoning: 'Meets the requirements.' }).expect(201)).body;
    const { permit } = (await post(`/v1/decision-drafts/${draft.id}/issue`, 'approver').expect(201)).body;
    return { caseId: c.id, permitId: permit.id };
  }

  beforeAll(async () => {
    t = await startTestApp('revocation_hearing', { env: { LOG_LEVEL: 'error' } });
    t.clock.set(new Date('2027-03-01T08:00:00Z'));
    const people = {
      researcher: { sub: 'r-1', role: 'researcher', organisation: '31119103' },
      otherResearcher: { sub: 'r-2', role: 'researcher', organisation: '31119103' },
      caseworker: { sub: 'cw-1', role: 'caseworker', organisation: '33257872' },
      approver: { sub: 'la-1', role: 'legal_approver', organisation: '33257872' },
    } as const;
    for (const [name, actor] of Object.entries(people)) tokens[name] = await t.token(actor);
  });
  afterAll(() => t.close());

  it('refuses a revocation without a hearing of the holder or a reason it cannot wait', async () => {
    const { caseId, permitId } = await permitted();
    const res = await post(`/v1/permits/${permitId}/revoke`, 'approver', { reason: 'Results with small cells were published.' }).expect(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.type).toContain('revocation-hearing-required');
    expect(res.body.errors[0].field).toBe('urgencyReason');
    const da = await request(t.server).post(`/v1/permits/${permitId}/revoke`).set(bearer(tokens.approver)).set('Accept-Language', 'da').send({ reason: 'x' }).expect(409);
    expect(da.body.title).toBe('Indehaveren af tilladelsen skal høres først');
    // The permit stays active; the approver is offered the hearing, not the revocation.
    const permit = (await get(`/v1/permits/${permitId}`, 'researcher').expect(200)).body;
    expect(permit.state).toBe('active');
    const steps = (await get(`/v1/cases/${caseId}`, 'approver').expect(200)).body.nextSteps.map((s: { command: string }) => s.command);
    expect(steps).toContain('hear_permit_holder');
    expect(steps).not.toContain('revoke_permit');
  });

  it('hears the holder (at most four weeks), takes the answer, then revokes, showing the hearing with the permit', async () => {
    const { caseId, permitId } = await permitted();
    const grounds = 'Tables with fewer than five persons per cell were published in breach of the permit conditions.';
    // Only a legal approver hears the holder; the deadline may not exceed four weeks (EHDS art. 63).
    await post(`/v1/permits/${permitId}/hearings`, 'caseworker', { grounds }).expect(403);
    const tooLong = await post(`/v1/permits/${permitId}/hearings`, 'approver', { grounds, answerDays: 29 }).expect(400);
    expect(tooLong.body.errors[0].field).toBe('answerDays');
    const hearing = (await post(`/v1/permits/${permitId}/hearings`, 'approver', { grounds }).expect(201)).body;
    expect(hearing).toMatchObject({ subject: 'revocation', permitId, subCaseId: null, kind: 'held', draftGrounds: grounds, answer: null });
    expect(new Date(hearing.answerDueAt).getTime() - new Date(hearing.sentAt).getTime()).toBe(28 * DAY);

    // The holder is told and offered the answer; while the hearing runs, the permit is not revoked (only an urgent case could not wait, below).
    const notices = (await get('/v1/me/notifications?kind=hearing_sent', 'researcher').expect(200)).body.items;
    expect(JSON.stringify(notices)).toMatch(/tilbagekald|revok/i);
    const holderSteps = (await get(`/v1/cases/${caseId}`, 'researcher').expect(200)).body.nextSteps;
    expect(holderSteps).toEqual([expect.objectContaining({ command: 'answer_hearing', hearingId: hearing.id, permitId })]);
    expect((await post(`/v1/permits/${permitId}/revoke`, 'approver', { reason: 'Breach.' }).expect(409)).body.type).toContain('hearing-open');
    expect((await post(`/v1/permits/${permitId}/hearings`, 'approver', { grounds }).expect(409)).body.type).toContain('hearing-open');

    // Another researcher learns nothing of it; the holder answers.
    await post(`/v1/hearings/${hearing.id}/answer`, 'otherResearcher', { answer: 'Not mine.' }).expect(404);
    t.clock.set(new Date(t.clock.now().getTime() + 10 * DAY));
    const answer = 'The tables were withdrawn from the preprint the day we learned of it.';
    await post(`/v1/hearings/${hearing.id}/answer`, 'researcher', { answer }).expect(200);
    expect((await get('/v1/me/notifications?kind=hearing_answered', 'approver').expect(200)).body.items).toHaveLength(1);

    // Now the revocation is offered and accepted; the case's decisions show the hearing with the answer.
    expect((await get(`/v1/cases/${caseId}`, 'approver').expect(200)).body.nextSteps).toEqual(expect.arrayContaining([expect.objectContaining({ command: 'revoke_permit', permitId })]));
    const revoked = (await post(`/v1/permits/${permitId}/revoke`, 'approver', { reason: 'Small cells published; the answer does not change that the condition was broken.' }).expect(200)).body;
    expect(revoked.state).toBe('revoked');
    const decisions = (await get(`/v1/cases/${caseId}/decisions`, 'researcher').expect(200)).body;
    expect(decisions.hearings).toEqual([expect.objectContaining({ id: hearing.id, subject: 'revocation', permitId, answer })]);
    // The audit trail names the hearing the revocation followed.
    const trail = (await get(`/v1/cases/${caseId}/audit?limit=200`, 'approver').expect(200)).body.items;
    expect(trail.find((e: { action: string }) => e.action === 'permit.revoked').payload).toMatchObject({ hearingId: hearing.id });
  });

  it('revokes after a hearing whose deadline passed unanswered', async () => {
    const { permitId } = await permitted();
    const hearing = (await post(`/v1/permits/${permitId}/hearings`, 'approver', { grounds: 'Data shared with an unnamed researcher.', answerDays: 14 }).expect(201)).body;
    t.clock.set(new Date(new Date(hearing.answerDueAt).getTime() + 1000));
    expect((await post(`/v1/hearings/${hearing.id}/answer`, 'researcher', { answer: 'Late.' }).expect(409)).body.type).toContain('hearing-overdue');
    await post(`/v1/permits/${permitId}/revoke`, 'approver', { reason: 'Data shared with a person not named in the permit (EHDS art. 61(2)).' }).expect(200);
  });

  it('revokes without a hearing in an urgent case, recording why it could not wait (§ 19, stk. 2)', async () => {
    const { caseId, permitId } = await permitted();
    const urgencyReason = 'The data are being offered for sale now; a four-week hearing would let the disclosure go on.';
    await post(`/v1/permits/${permitId}/revoke`, 'approver', { reason: 'Data offered for sale.', urgencyReason }).expect(200);
    const decisions = (await get(`/v1/cases/${caseId}/decisions`, 'researcher').expect(200)).body;
    expect(decisions.hearings).toEqual([expect.objectContaining({ subject: 'revocation', permitId, kind: 'dispensed', dispensedReason: urgencyReason })]);
  });

  it('revokes at once when the matter turns urgent while the holder still has time to answer', async () => {
    const { caseId, permitId } = await permitted();
    await post(`/v1/permits/${permitId}/hearings`, 'approver', { grounds: 'Small cells published.' }).expect(201);
    const urgencyReason = 'The tables are now being republished by a newspaper; the four weeks cannot be awaited.';
    await post(`/v1/permits/${permitId}/revoke`, 'approver', { reason: 'Small cells published.', urgencyReason }).expect(200);
    const hearings = (await get(`/v1/cases/${caseId}/decisions`, 'researcher').expect(200)).body.hearings;
    expect(hearings.map((h: { kind: string }) => h.kind)).toEqual(['held', 'dispensed']);
    expect(hearings[1].dispensedReason).toBe(urgencyReason);
  });
});
