import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, submitAndScreen } from './support/applications';

/**
 * Issue 11: a resubmission answers the request for supplement, with an answer to each question or
 * an amended application; until the researcher resubmits, the application stays editable.
 */

/** Every command the case view offers this actor now, about the whole case or one of its parts. */
const commandsOf = (c: { nextSteps: { command: string }[]; subCases: { nextSteps: { command: string }[] }[] }): string[] => [
  ...c.nextSteps.map((s) => s.command),
  ...c.subCases.flatMap((sub) => sub.nextSteps.map((s) => s.command)),
];
describe('resubmission after a request for supplement (e2e)', () => {
  let t: TestApp;
  let researcher: string;
  let caseworker: string;

  beforeAll(async () => {
    t = await startTestApp('resubmission');
    researcher = await t.token({ sub: 'rs-researcher', role: 'researcher', organisation: '31119103' });
    caseworker = await t.token({ sub: 'rs-caseworker', role: 'caseworker', organisation: '33257872' });
  });
  afterAll(() => t.close());

  const QUESTIONS = ['Which ethics approval covers the linkage?', 'How many patients do you expect?'];

  /** A screened case, put to the applicant with two questions. */
  async function awaitingApplicant() {
    const { applicationId, case: c } = await submitAndScreen(t, researcher, completeApplication());
    await request(t.server).post(`/v1/cases/${c.id}/supplement-requests`).set(bearer(caseworker)).send({ questions: QUESTIONS }).expect(201);
    return { applicationId, caseId: c.id as string };
  }
  const resubmit = (applicationId: string, body: object) => request(t.server).post(`/v1/applications/${applicationId}/resubmit`).set(bearer(researcher)).set('Accept-Language', 'en').send(body);
  const caseOf = async (caseId: string) => (await request(t.server).get(`/v1/cases/${caseId}`).set(bearer(researcher)).expect(200)).body;
  const application = async (id: string) => (await request(t.server).get(`/v1/applications/${id}`).set(bearer(researcher)).expect(200)).body;

  it('refuses a resubmission that neither answers every question nor amends the application, and leaves it editable and resubmittable', async () => {
    const { applicationId, caseId } = await awaitingApplicant();
    const check = (await request(t.server).post(`/v1/applications/${applicationId}/check`).set(bearer(researcher)).expect(200)).body;
    expect(check).toMatchObject({ nextCommand: 'resubmit', readyToSubmit: true, answersRequired: true });

    const none = await resubmit(applicationId, {}).expect(422);
    expect(none.body).toMatchObject({ type: 'https://kontaktpunkt.dk/docs/problems/supplement-unanswered', errors: [{ field: 'answers[0]' }, { field: 'answers[1]' }] });
    const one = await resubmit(applicationId, { answers: ['VEK 1-10-72-123-25', '  '] }).expect(422);
    expect(one.body.errors).toEqual([{ field: 'answers[1]', messages: [expect.any(String)] }]);
    await resubmit(applicationId, { answers: ['a', 'b', 'c'] }).expect(400);

    const c = await caseOf(caseId);
    expect(c.state).toBe('awaiting_applicant');
    expect(commandsOf(c)).toEqual(expect.arrayContaining(['edit_draft', 'check', 'resubmit']));
    const before = await application(applicationId);
    await request(t.server).patch(`/v1/applications/${applicationId}`).set(bearer(researcher)).set('If-Match', `"${before.version}"`).send({ title: before.content.title }).expect(200);
  });

  it('takes an answer to each question without an amendment, and keeps the answers with the request', async () => {
    const { applicationId, caseId } = await awaitingApplicant();
    await resubmit(applicationId, { answers: ['VEK 1-10-72-123-25', 'About 40,000'] }).expect(202);
    const requests = await request(t.server).get(`/v1/cases/${caseId}/supplement-requests`).set(bearer(caseworker)).expect(200);
    expect(requests.body.items[0]).toMatchObject({ state: 'answered', questions: QUESTIONS, answers: ['VEK 1-10-72-123-25', 'About 40,000'] });
  });

  it('takes an amended application without answers, and only then stops taking edits', async () => {
    const { applicationId, caseId } = await awaitingApplicant();
    const before = await application(applicationId);
    const amended = await request(t.server)
      .patch(`/v1/applications/${applicationId}`)
      .set(bearer(researcher))
      .set('If-Match', `"${before.version}"`)
      .send({ purpose: `${before.content.purpose} Linkage approved by VEK 1-10-72-123-25.` })
      .expect(200);
    expect((await request(t.server).post(`/v1/applications/${applicationId}/check`).set(bearer(researcher)).expect(200)).body).toMatchObject({ answersRequired: false, readyToSubmit: true });
    await resubmit(applicationId, {}).set('If-Match', `"${amended.body.version}"`).expect(202);
    expect(commandsOf(await caseOf(caseId))).not.toContain('edit_draft');
    await request(t.server).patch(`/v1/applications/${applicationId}`).set(bearer(researcher)).send({ title: 'Too late' }).expect(409);
  });
});
