import { OPEN_CASE_STATES } from '@kp/cases';
import { DEADLINE_SWEEP_JOB, SweepDeadlines } from '@kp/deadlines';
import { JobRunner } from '@kp/queue';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, submitAndScreen } from './support/applications';

/**
 * The validator keeps warnBefore below the completion limit's 20 working days, so a fresh 3-month
 * case can never be at risk. Here the central track decides within 1 month and warns 19 working
 * days ahead: a case complete on a given day is due one month later (rolled to a working day), and
 * 10 days after it started it has 13–15 working days left: at risk, not yet overdue.
 */
const CLOCK_POLICIES = JSON.stringify({ central: { decisionLimit: { months: 1 }, warnBefore: { workingDays: 19 } } });
const DAY_MS = 24 * 60 * 60 * 1000;

describe('deadline sweep: at-risk and overdue notices, once per transition (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let runner: JobRunner;
  let researcher: string;
  let caseworker: string;
  let otherCaseworker: string;
  let approver: string;
  let runs = 0;

  const sweep = () => runner.run(`deadline-sweep-test-${++runs}`, DEADLINE_SWEEP_JOB, {});
  const notices = async (token: string, query: Record<string, string>) =>
    (await request(t.server).get('/v1/me/notifications').query(query).set(bearer(token)).expect(200)).body.items;
  /** Submits (and screens) a complete application at business time `at`. */
  const submitOn = async (at: string) => {
    t.clock.set(new Date(at));
    return submitAndScreen(t, researcher, completeApplication());
  };
  const auditCount = async (number: string, action: string) =>
    (await db.query(`SELECT count(*)::int AS n FROM audit_event WHERE subject_id = $1 AND action = $2 AND actor_sub = 'system' AND actor_role = 'system'`, [number, action]))[0].n;

  beforeAll(async () => {
    // A long interval: the test runs the sweep itself.
    t = await startTestApp('deadlines_sweep', { env: { CLOCK_POLICIES, DEADLINE_SWEEP_MS: '3600000' } });
    db = t.app.get(DataSource);
    runner = t.app.get(JobRunner);
    researcher = await t.token({ sub: 'sw-researcher', role: 'researcher', organisation: '31119103' });
    caseworker = await t.token({ sub: 'sw-caseworker-1', role: 'caseworker' });
    otherCaseworker = await t.token({ sub: 'sw-caseworker-2', role: 'caseworker' });
    approver = await t.token({ sub: 'sw-approver', role: 'legal_approver' });
  });
  afterAll(() => t.close());

  it('tells the caseworkers once when an unassigned case becomes at risk, however often the sweep runs', async () => {
    // Complete on Tuesday 1 February 2028: due Wednesday 1 March 2028. Ten days on (Friday 11 February)
    // 13 working days are left (14–18, 21–25 February, 28, 29 February and 1 March): at risk.
    const { case: c } = await submitOn('2028-02-01T09:00:00Z');
    t.clock.advance(10 * DAY_MS);
    expect(await sweep()).toBe('processed');
    const [notice] = await notices(caseworker, { kind: 'deadline_at_risk', case: c.number });
    expect(notice).toMatchObject({ caseId: c.id, addressedTo: 'role', read: false });
    expect(await sweep()).toBe('processed');
    expect(await notices(caseworker, { kind: 'deadline_at_risk', case: c.number })).toHaveLength(1);
    expect(await notices(otherCaseworker, { kind: 'deadline_at_risk', case: c.number })).toHaveLength(1);
    expect(await notices(approver, { kind: 'deadline_at_risk', case: c.number })).toEqual([]);
    expect(await auditCount(c.number, 'case.deadline_at_risk')).toBe(1);
    const [stored] = await db.query(`SELECT at_risk, overdue FROM case_file WHERE id = $1`, [c.id]);
    expect(stored).toEqual({ at_risk: true, overdue: false });
    expect((await request(t.server).get(`/v1/cases/${c.id}`).set(bearer(caseworker)).expect(200)).body.clock).toMatchObject({ atRisk: true, overdue: false, dueDate: '2028-03-01', daysLeft: 13 });
  });

  it('tells the assignee alone when the case has one', async () => {
    // Complete on Tuesday 1 August 2028: due Friday 1 September 2028; on Friday 11 August 15 working days are left.
    const { case: c } = await submitOn('2028-08-01T09:00:00Z');
    await request(t.server).post(`/v1/cases/${c.id}/claim`).set(bearer(caseworker)).expect(200);
    t.clock.advance(10 * DAY_MS);
    await sweep();
    expect(await notices(caseworker, { kind: 'deadline_at_risk', case: c.number })).toMatchObject([{ addressedTo: 'person' }]);
    expect(await notices(otherCaseworker, { kind: 'deadline_at_risk', case: c.number })).toEqual([]);
  });

  it('tells caseworkers and legal approvers once when a case becomes overdue', async () => {
    // Complete on Monday 4 September 2028: due Wednesday 4 October 2028; 45 days on (19 October) it is overdue.
    const { case: c } = await submitOn('2028-09-04T09:00:00Z');
    t.clock.advance(45 * DAY_MS);
    await sweep();
    await sweep();
    expect(await notices(caseworker, { kind: 'deadline_overdue', case: c.number })).toHaveLength(1);
    expect(await notices(approver, { kind: 'deadline_overdue', case: c.number })).toHaveLength(1);
    expect(await auditCount(c.number, 'case.deadline_overdue')).toBe(1);
    const [stored] = await db.query(`SELECT overdue FROM case_file WHERE id = $1`, [c.id]);
    expect(stored.overdue).toBe(true);
  });

  it('leaves a withdrawn case alone, however late it would have been', async () => {
    // Complete on Wednesday 1 November 2028: due Friday 1 December 2028; withdrawn 45 days on (16 December), overdue by then.
    const { applicationId, case: c } = await submitOn('2028-11-01T09:00:00Z');
    t.clock.advance(45 * DAY_MS);
    await request(t.server).post(`/v1/applications/${applicationId}/withdraw`).set(bearer(researcher)).send({}).expect(200);
    await sweep();
    expect(await notices(caseworker, { case: c.number })).toEqual([]);
  });

  it('sweeps every open case when they take many batches, each its own transaction, alerting each once', async () => {
    // Three cases complete on Tuesday 1 May 2029, due Friday 1 June 2029; on Friday 11 May 15 working days are left: at risk.
    const cases: { id: string; number: string }[] = [];
    for (let i = 0; i < 3; i++) cases.push((await submitOn('2029-05-01T09:00:00Z')).case);
    t.clock.advance(10 * DAY_MS);
    const sweeper = t.app.get(SweepDeadlines);
    // One case a batch: the sweep must page through all of them, not stop after the first batch.
    const result = await db.transaction((manager) => sweeper.run(manager, t.clock.now(), 'batched-sweep', 1));
    const [{ open }] = await db.query(`SELECT count(*)::int AS open FROM case_file WHERE state = ANY($1::text[])`, [OPEN_CASE_STATES]);
    expect(result.checked).toBeGreaterThanOrEqual(3);
    expect(result.checked).toBeLessThanOrEqual(open);
    for (const c of cases) {
      expect(result.alerts).toContainEqual({ caseNumber: c.number, alert: 'at_risk' });
      const [stored] = await db.query(`SELECT at_risk, overdue FROM case_file WHERE id = $1`, [c.id]);
      expect(stored).toEqual({ at_risk: true, overdue: false });
    }
    // Run again in batches: what each batch remembered stops a second notice.
    const again = await db.transaction((manager) => sweeper.run(manager, t.clock.now(), 'batched-sweep-2', 2));
    expect(again.alerts.filter((a) => cases.some((c) => c.number === a.caseNumber))).toEqual([]);
    for (const c of cases) expect(await notices(caseworker, { kind: 'deadline_at_risk', case: c.number })).toHaveLength(1);
  });

  it('stores the figures of a case whose clock changed, and leaves the row of a case whose clock did not untouched', async () => {
    // Complete on Tuesday 2 October 2029: due Friday 2 November 2029; on Friday 12 October 15 working days are left: at risk.
    const { case: c } = await submitOn('2029-10-02T09:00:00Z');
    // The row's version as PostgreSQL counts it: any UPDATE of the row, even to the same values, changes xmin.
    const row = async () => (await db.query(`SELECT xmin::text AS xmin, due_at, at_risk, overdue, clock_paused FROM case_file WHERE id = $1`, [c.id]))[0];
    const submitted = await row();
    expect(submitted).toMatchObject({ at_risk: false, overdue: false, clock_paused: false });
    expect(submitted.due_at).not.toBeNull();
    // The same day: nothing about its clock has changed, so the sweep must not write the row.
    expect(await sweep()).toBe('processed');
    expect(await row()).toEqual(submitted);
    // Ten days on it is at risk: the sweep must store that.
    t.clock.advance(10 * DAY_MS);
    expect(await sweep()).toBe('processed');
    const atRisk = await row();
    expect(atRisk).toMatchObject({ at_risk: true, overdue: false, clock_paused: false, due_at: submitted.due_at });
    expect(atRisk.xmin).not.toBe(submitted.xmin);
    // Swept again the same day: still at risk, not rewritten.
    expect(await sweep()).toBe('processed');
    expect(await row()).toEqual(atRisk);
  });

  it('alerts again when a case it saw at risk is extended and, weeks later, at risk again: it reads a case a command changed the same day', async () => {
    // Complete on Tuesday 5 March 2030: due Friday 5 April 2030; on Friday 15 March 15 working days are left: at risk.
    const { case: c } = await submitOn('2030-03-05T09:00:00Z');
    t.clock.advance(10 * DAY_MS);
    await sweep();
    expect(await notices(caseworker, { kind: 'deadline_at_risk', case: c.number })).toHaveLength(1);
    // The same day a month's extension (due Monday 6 May 2030) takes it out of risk, and the sweep must see that today,
    // though the case's figures were already computed for today: otherwise it remembers "at risk" and stays silent below.
    const before = (await request(t.server).get(`/v1/cases/${c.id}`).set(bearer(caseworker)).expect(200)).body;
    await request(t.server)
      .post(`/v1/cases/${c.id}/clock/extensions`)
      .set(bearer(caseworker))
      .set('If-Match', `"${before.version}"`)
      .send({ months: 1, reason: 'The register holder needs a month more to assess the linkage.' })
      .expect(201);
    await sweep();
    // Monday 15 April 2030: 12 working days left to 6 May (Easter 18, 19 and 22 April are holidays): at risk again.
    t.clock.advance(31 * DAY_MS);
    await sweep();
    expect(await notices(caseworker, { kind: 'deadline_at_risk', case: c.number })).toHaveLength(2);
  });
});
