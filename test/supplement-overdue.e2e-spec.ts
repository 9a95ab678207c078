import { DEADLINE_SWEEP_JOB } from '@kp/deadlines';
import { JobRunner } from '@kp/queue';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, submitAndScreen } from './support/applications';

/** EHDS art. 68(4): the applicant has 4 weeks to complete; the sweep tells people once when that passes. */
describe('deadline sweep: an unanswered request for supplement past its answer date (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let runner: JobRunner;
  let researcher: string;
  let caseworker: string;
  let otherCaseworker: string;
  let approver: string;
  let runs = 0;

  const sweep = () => runner.run(`supplement-overdue-test-${++runs}`, DEADLINE_SWEEP_JOB, {});
  const notices = async (token: string, caseNumber: string) =>
    (await request(t.server).get('/v1/me/notifications').query({ kind: 'supplement_overdue', case: caseNumber }).set(bearer(token)).expect(200)).body.items;
  const post = (path: string, token: string, body: object = {}) => request(t.server).post(path).set(bearer(token)).send(body);
  const overdueEvents = async (caseNumber: string) =>
    db.query(`SELECT payload FROM audit_event WHERE subject_id = $1 AND action = 'case.supplement_overdue' AND actor_sub = 'system' AND actor_role = 'system'`, [caseNumber]);

  /**
   * A case submitted and screened at business time `at`, whose applicant was asked for a supplement
   * the same day; claimed first when `claimedBy` is given.
   */
  async function caseAwaitingSupplement(at: string, claimedBy?: string) {
    t.clock.set(new Date(at));
    const screened = await submitAndScreen(t, researcher, completeApplication());
    if (claimedBy) await post(`/v1/cases/${screened.case.id}/claim`, claimedBy).expect(200);
    const asked = await post(`/v1/cases/${screened.case.id}/supplement-requests`, caseworker, { questions: ['Which ethics approval covers the linkage?'] }).expect(201);
    return { applicationId: screened.applicationId, c: screened.case as { id: string; number: string }, requestId: asked.body.id as string, answerDueAt: asked.body.answerDueAt as string };
  }

  beforeAll(async () => {
    // A long interval: the test runs the sweep itself.
    t = await startTestApp('supplement_overdue', { env: { DEADLINE_SWEEP_MS: '3600000' } });
    db = t.app.get(DataSource);
    runner = t.app.get(JobRunner);
    researcher = await t.token({ sub: 'so-researcher', role: 'researcher', organisation: '31119103' });
    caseworker = await t.token({ sub: 'so-caseworker-1', role: 'caseworker' });
    otherCaseworker = await t.token({ sub: 'so-caseworker-2', role: 'caseworker' });
    approver = await t.token({ sub: 'so-approver', role: 'legal_approver' });
  });
  afterAll(() => t.close());

  it('tells the assignee and the applicant once that the answer is overdue, however often the sweep runs, and leaves the case waiting', async () => {
    // Asked on Tuesday 1 February 2028: 4 weeks to answer, to the end of Tuesday 29 February 2028 in Copenhagen.
    const { c, requestId, answerDueAt } = await caseAwaitingSupplement('2028-02-01T09:00:00Z', caseworker);
    expect(answerDueAt).toBe('2028-02-29T22:59:59.999Z');
    expect(await sweep()).toBe('processed');
    expect(await notices(caseworker, c.number)).toEqual([]); // not due yet: 4 weeks from today
    expect(await notices(researcher, c.number)).toEqual([]);

    // The next day the answer is a day late.
    t.clock.set(new Date('2028-03-01T09:00:00Z'));
    expect(await sweep()).toBe('processed');
    expect(await sweep()).toBe('processed');

    const toAssignee = await notices(caseworker, c.number);
    expect(toAssignee).toHaveLength(1);
    expect(toAssignee[0]).toMatchObject({ caseId: c.id, addressedTo: 'person', title: { en: `Case ${c.number}: the applicant has not answered` } });
    const toApplicant = await notices(researcher, c.number);
    expect(toApplicant).toHaveLength(1);
    expect(toApplicant[0]).toMatchObject({ caseId: c.id, addressedTo: 'person', title: { en: `Case ${c.number}: your answer is overdue` } });
    expect(await notices(otherCaseworker, c.number)).toEqual([]);
    expect(await notices(approver, c.number)).toEqual([]);

    const events = await overdueEvents(c.number);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ caseId: c.id, requestId, notified: [{ sub: 'so-caseworker-1' }, { sub: 'so-researcher' }] });

    const view = (await request(t.server).get(`/v1/cases/${c.id}`).set(bearer(caseworker)).expect(200)).body;
    expect(view.state).toBe('awaiting_applicant');
    const [stored] = await db.query(`SELECT state, overdue_notified_at FROM supplement_request WHERE id = $1`, [requestId]);
    expect(stored).toMatchObject({ state: 'open', overdue_notified_at: expect.any(Date) });
    const open = await request(t.server).get(`/v1/cases/${c.id}/supplement-requests`).query({ state: 'open' }).set(bearer(researcher)).expect(200);
    expect(open.body.items.map((r: { id: string }) => r.id)).toEqual([requestId]);
  });

  it('tells every caseworker once while nobody holds the case', async () => {
    // Asked on Monday 3 April 2028, due Monday 1 May 2028; three days late on 4 May.
    const { c } = await caseAwaitingSupplement('2028-04-03T09:00:00Z');
    t.clock.set(new Date('2028-05-04T09:00:00Z'));
    await sweep();
    await sweep();
    expect(await notices(caseworker, c.number)).toMatchObject([{ addressedTo: 'role' }]);
    expect(await notices(otherCaseworker, c.number)).toMatchObject([{ addressedTo: 'role' }]);
    expect(await notices(researcher, c.number)).toHaveLength(1);
    expect(await overdueEvents(c.number)).toHaveLength(1);
  });

  it('tells nobody about a case the applicant withdrew', async () => {
    // Asked on Thursday 1 June 2028, due Thursday 29 June 2028; withdrawn at once, and three days past the answer date on 2 July.
    const { applicationId, c } = await caseAwaitingSupplement('2028-06-01T09:00:00Z');
    await post(`/v1/applications/${applicationId}/withdraw`, researcher).expect(200);
    t.clock.set(new Date('2028-07-02T09:00:00Z'));
    await sweep();
    expect(await notices(caseworker, c.number)).toEqual([]);
    expect(await notices(researcher, c.number)).toEqual([]);
    expect(await overdueEvents(c.number)).toEqual([]);
  });
});
