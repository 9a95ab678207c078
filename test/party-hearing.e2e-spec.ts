import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest, submitAndScreen } from './support/applications';

/**
 * Partshøring (forvaltningsloven § 19, issue 16): a refusal of a part follows a hearing of the
 * applicant on its grounds, with a deadline (two weeks by default), and the applicant's answer is
 * attached to the case; or the caseworker records why no hearing was needed (§ 19, stk. 2).
 */
describe('partshøring before a refusal (e2e)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let caseId: string;
  let sub: Record<string, string>;
  const DAY = 24 * 60 * 60 * 1000;

  const get = (path: string, who: string) => request(t.server).get(path).set(bearer(tokens[who]));
  const post = (path: string, who: string, body: object = {}) => request(t.server).post(path).set(bearer(tokens[who])).send(body);
  const refusal = {
    outcome: 'rejected',
    legalBasis: 'EHDS art. 68(1); forvaltningsloven § 19',
    reasoning: 'The variables requested from the register exceed what the stated purpose needs (data minimisation).',
    conditions: [],
    departureReason: 'The screening did not weigh data minimisation.',
  };

  beforeAll(async () => {
    t = await startTestApp('party_hearing', { env: { LOG_LEVEL: 'error' } });
    t.clock.set(new Date('2027-03-01T08:00:00Z'));
    const people = {
      researcher: { sub: 'r-1', role: 'researcher', organisation: '31119103' },
      otherResearcher: { sub: 'r-2', role: 'researcher', organisation: '31119103' },
      caseworker: { sub: 'cw-1', role: 'caseworker', organisation: '33257872' },
      approver: { sub: 'la-1', role: 'legal_approver', organisation: '33257872' },
    } as const;
    for (const [name, actor] of Object.entries(people)) tokens[name] = await t.token(actor);
    const { case: c } = await submitAndScreen(t, tokens.researcher, completeApplication({ dataRequests: [dataRequest('lpr'), dataRequest('epj-region-midtjylland')] }));
    caseId = c.id;
    sub = Object.fromEntries(c.subCases.map((s: { dataSourceId: string; id: string }) => [s.dataSourceId, s.id]));
    await post(`/v1/cases/${caseId}/claim`, 'caseworker').expect(200);
  });
  afterAll(() => t.close());

  it('refuses a refusal neither preceded by a hearing nor giving why none was needed', async () => {
    const res = await post(`/v1/cases/${caseId}/sub-cases/${sub.lpr}/decision-drafts`, 'caseworker', refusal).expect(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.type).toContain('hearing-required');
    expect(res.body.errors[0].field).toBe('hearingDispensedReason');
    const da = await request(t.server).post(`/v1/cases/${caseId}/sub-cases/${sub.lpr}/decision-drafts`).set(bearer(tokens.caseworker)).set('Accept-Language', 'da').send(refusal).expect(422);
    expect(da.body.title).toBe('Ansøgeren skal høres først');
  });

  it('hears the applicant, waits for the answer, then drafts and issues the refusal showing the hearing', async () => {
    const sentAt = t.clock.now();
    // The applicant cannot start a hearing; the draft grounds are required.
    await post(`/v1/cases/${caseId}/sub-cases/${sub.lpr}/hearings`, 'researcher', { draftGrounds: 'x' }).expect(403);
    const empty = await post(`/v1/cases/${caseId}/sub-cases/${sub.lpr}/hearings`, 'caseworker', { draftGrounds: '' }).expect(400);
    expect(empty.body.errors[0].field).toBe('draftGrounds');

    const hearing = (
      await post(`/v1/cases/${caseId}/sub-cases/${sub.lpr}/hearings`, 'caseworker', { draftGrounds: 'We consider refusing LPR: the diagnosis codes requested go beyond stroke.' }).expect(201)
    ).body;
    // Two weeks by default (the requirement), to the end of that day in Danish time: sent Monday 1 March 2027, due Monday 15 March at midnight (CET).
    expect(hearing).toMatchObject({ kind: 'held', subCaseId: sub.lpr, answer: null, answerDueAt: '2027-03-15T22:59:59.999Z' });
    expect(new Date(hearing.sentAt).getTime()).toBeGreaterThanOrEqual(sentAt.getTime());

    // The case now also waits on the applicant, by the hearing's deadline; the applicant is offered the answer.
    const asApplicant = (await get(`/v1/cases/${caseId}`, 'researcher').expect(200)).body;
    expect(asApplicant.waitingFor).toEqual(expect.arrayContaining([expect.objectContaining({ party: 'applicant', deadlineKind: 'hearing', deadline: hearing.answerDueAt, subCaseIds: [sub.lpr] })]));
    const answerStep = asApplicant.subCases.find((s: { id: string }) => s.id === sub.lpr).nextSteps.find((s: { command: string }) => s.command === 'answer_hearing');
    expect(answerStep).toMatchObject({ hearingId: hearing.id });

    // While the hearing runs, no refusal is drafted and no second hearing is sent on the part.
    expect((await post(`/v1/cases/${caseId}/sub-cases/${sub.lpr}/decision-drafts`, 'caseworker', refusal).expect(409)).body.type).toContain('hearing-open');
    expect((await post(`/v1/cases/${caseId}/sub-cases/${sub.lpr}/hearings`, 'caseworker', { draftGrounds: 'Again.' }).expect(409)).body.type).toContain('hearing-open');

    // Another applicant learns nothing of it; the applicant answers once.
    await post(`/v1/hearings/${hearing.id}/answer`, 'otherResearcher', { answer: 'Not mine.' }).expect(404);
    t.clock.set(new Date(sentAt.getTime() + 3 * DAY));
    const answered = (await post(`/v1/hearings/${hearing.id}/answer`, 'researcher', { answer: 'Only I60–I69 are needed; we narrow the request accordingly.' }).expect(200)).body;
    expect(answered).toMatchObject({ answer: 'Only I60–I69 are needed; we narrow the request accordingly.', answeredAt: expect.any(String) });
    expect((await post(`/v1/hearings/${hearing.id}/answer`, 'researcher', { answer: 'Again.' }).expect(409)).body.type).toContain('hearing-answered');
    const after = (await get(`/v1/cases/${caseId}`, 'caseworker').expect(200)).body;
    expect(after.waitingFor.some((w: { deadlineKind: string }) => w.deadlineKind === 'hearing')).toBe(false);

    // The refusal may now be drafted; issued by another person, the decision's case shows the hearing and the answer.
    const draft = (await post(`/v1/cases/${caseId}/sub-cases/${sub.lpr}/decision-drafts`, 'caseworker', refusal).expect(201)).body;
    const issued = (await post(`/v1/decision-drafts/${draft.id}/issue`, 'approver').expect(201)).body;
    expect(issued.decision).toMatchObject({ outcome: 'rejected', subCaseId: sub.lpr });
    const decisions = (await get(`/v1/cases/${caseId}/decisions`, 'researcher').expect(200)).body;
    expect(decisions.hearings).toEqual([
      expect.objectContaining({ id: hearing.id, kind: 'held', subCaseId: sub.lpr, draftGrounds: expect.stringContaining('stroke'), answer: expect.stringContaining('I60–I69') }),
    ]);

  });

  it('records why no hearing was needed (§ 19, stk. 2) and shows it with the decision', async () => {
    const { case: c } = await submitAndScreen(t, tokens.researcher, completeApplication({ dataRequests: [dataRequest('lpr')] }));
    await post(`/v1/cases/${c.id}/claim`, 'caseworker').expect(200);
    const reason = 'The refusal rests only on the applicant’s own statement that the register is not needed.';
    const draft = (await post(`/v1/cases/${c.id}/sub-cases/${c.subCases[0].id}/decision-drafts`, 'caseworker', { ...refusal, hearingDispensedReason: reason }).expect(201)).body;
    await post(`/v1/decision-drafts/${draft.id}/issue`, 'approver').expect(201);
    const decisions = (await get(`/v1/cases/${c.id}/decisions`, 'researcher').expect(200)).body;
    expect(decisions.hearings).toEqual([expect.objectContaining({ kind: 'dispensed', dispensedReason: reason, draftGrounds: null, answer: null })]);
  });

  it('refuses an answer after the deadline', async () => {
    const { case: c } = await submitAndScreen(t, tokens.researcher, completeApplication({ dataRequests: [dataRequest('lpr')] }));
    await post(`/v1/cases/${c.id}/claim`, 'caseworker').expect(200);
    const hearing = (await post(`/v1/cases/${c.id}/sub-cases/${c.subCases[0].id}/hearings`, 'caseworker', { draftGrounds: 'Not proportionate.', answerDays: 7 }).expect(201)).body;
    t.clock.set(new Date(new Date(hearing.answerDueAt).getTime() + 1000));
    expect((await post(`/v1/hearings/${hearing.id}/answer`, 'researcher', { answer: 'Late.' }).expect(409)).body.type).toContain('hearing-overdue');
    // The deadline passed unanswered: the refusal may be drafted, and the dispensed reason is not needed.
    const draft = await post(`/v1/cases/${c.id}/sub-cases/${c.subCases[0].id}/decision-drafts`, 'caseworker', refusal).expect(201);
    expect(draft.body.outcome).toBe('rejected');
    // An approval needs no hearing: nothing to hear the applicant on.
  });

  it('closes an open hearing as application_withdrawn when the applicant withdraws, so nobody waits for the answer', async () => {
    const { applicationId, case: c } = await submitAndScreen(t, tokens.researcher, completeApplication({ dataRequests: [dataRequest('lpr')] }));
    await post(`/v1/cases/${c.id}/claim`, 'caseworker').expect(200);
    const hearing = (await post(`/v1/cases/${c.id}/sub-cases/${c.subCases[0].id}/hearings`, 'caseworker', { draftGrounds: 'The cohort is wider than the purpose needs.' }).expect(201)).body;
    expect(hearing).toMatchObject({ closedAt: null, closedReason: null });

    await post(`/v1/applications/${applicationId}/withdraw`, 'researcher', { reason: 'The project was stopped.' }).expect(200);
    const decisions = (await get(`/v1/cases/${c.id}/decisions`, 'caseworker').expect(200)).body;
    expect(decisions.hearings).toEqual([expect.objectContaining({ id: hearing.id, answer: null, closedReason: 'application_withdrawn', closedAt: expect.any(String) })]);
    const after = (await get(`/v1/cases/${c.id}`, 'researcher').expect(200)).body;
    expect(after.state).toBe('withdrawn');
    expect(after.waitingFor).toEqual([]);
    expect([...after.nextSteps, ...after.subCases.flatMap((s: { nextSteps: { command: string }[] }) => s.nextSteps)].map((s: { command: string }) => s.command)).not.toContain('answer_hearing');
    await post(`/v1/hearings/${hearing.id}/answer`, 'researcher', { answer: 'Too late now.' }).expect(409);
    const trail = (await get(`/v1/cases/${c.id}/audit`, 'caseworker').expect(200)).body;
    const events = (trail.items ?? trail.events ?? trail) as { action: string; payload: Record<string, unknown> }[];
    expect(events.filter((e) => e.action === 'case.hearing_closed').map((e) => e.payload)).toEqual([expect.objectContaining({ hearingId: hearing.id, reason: 'application_withdrawn' })]);
  });

  it('leaves nothing to close after a decision: a decided case, the only one with revocation hearings and appeals, cannot be withdrawn', async () => {
    const { applicationId, case: c } = await submitAndScreen(t, tokens.researcher, completeApplication({ dataRequests: [dataRequest('lpr')] }));
    await post(`/v1/cases/${c.id}/claim`, 'caseworker').expect(200);
    const draft = (await post(`/v1/cases/${c.id}/sub-cases/${c.subCases[0].id}/decision-drafts`, 'caseworker', { ...refusal, hearingDispensedReason: 'Rests only on the applicant’s own statements.' }).expect(201)).body;
    await post(`/v1/decision-drafts/${draft.id}/issue`, 'approver').expect(201);
    expect((await post(`/v1/applications/${applicationId}/withdraw`, 'researcher', { reason: 'Changed our minds.' }).expect(409)).body.type).toContain('command-not-allowed');
  });

  it('ends a hearing’s deadline at the end of a working day in Danish time, moved past weekends and public holidays', async () => {
    const { case: c } = await submitAndScreen(t, tokens.researcher, completeApplication({ dataRequests: [dataRequest('lpr'), dataRequest('epj-region-midtjylland')] }));
    const parts = Object.fromEntries(c.subCases.map((s: { dataSourceId: string; id: string }) => [s.dataSourceId, s.id]));
    await post(`/v1/cases/${c.id}/claim`, 'caseworker').expect(200);
    // Sent Friday 2 April 2027 with 8 days: the last day is Saturday 10 April, so the deadline is the end of Monday 12 April (CEST).
    t.clock.set(new Date('2027-04-02T10:00:00Z'));
    const weekend = (await post(`/v1/cases/${c.id}/sub-cases/${parts.lpr}/hearings`, 'caseworker', { draftGrounds: 'Not proportionate.', answerDays: 8 }).expect(201)).body;
    expect(weekend.answerDueAt).toBe('2027-04-12T21:59:59.999Z');
    // The applicant may answer until the last millisecond of that day.
    t.clock.set(new Date('2027-04-12T21:59:59.000Z'));
    await post(`/v1/hearings/${weekend.id}/answer`, 'researcher', { answer: 'We need every variable.' }).expect(200);
    // Sent Thursday 22 April with the default two weeks: the last day is Ascension Day (6 May), a public holiday, so the end of Friday 7 May.
    t.clock.set(new Date('2027-04-22T09:00:00Z'));
    const holiday = (await post(`/v1/cases/${c.id}/sub-cases/${parts['epj-region-midtjylland']}/hearings`, 'caseworker', { draftGrounds: 'The cohort is wider than needed.' }).expect(201)).body;
    expect(holiday.answerDueAt).toBe('2027-05-07T21:59:59.999Z');
    // Not after it.
    t.clock.set(new Date('2027-05-07T22:00:00.000Z'));
    expect((await post(`/v1/hearings/${holiday.id}/answer`, 'researcher', { answer: 'Too late.' }).expect(409)).body.type).toContain('hearing-overdue');
  });
});
