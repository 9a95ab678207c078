import { DEADLINE_SWEEP_JOB } from '@kp/deadlines';
import { JobRunner } from '@kp/queue';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, submitAndScreen } from './support/applications';

/**
 * The validator keeps warnBefore below the completion limit's 20 working days, so a fresh 3-month
 * case can never be at risk. Here the central track decides within 1 month and warns 19 working
 * days ahead; a case started 10 days ago then has about 14 working days left: at risk.
 */
const CLOCK_POLICIES = JSON.stringify({ central: { decisionLimit: { months: 1 }, warnBefore: { workingDays: 19 } } });

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
  const startedDaysAgo = (caseId: string, days: number) => db.query(`UPDATE clock_event SET at = at - make_interval(days => $2) WHERE case_id = $1`, [caseId, days]);
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
    const { case: c } = await submitAndScreen(t, researcher, completeApplication());
    await startedDaysAgo(c.id, 10);
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
    expect((await request(t.server).get(`/v1/cases/${c.id}`).set(bearer(caseworker)).expect(200)).body.clock).toMatchObject({ atRisk: true, overdue: false });
  });

  it('tells the assignee alone when the case has one', async () => {
    const { case: c } = await submitAndScreen(t, researcher, completeApplication());
    await db.query(`UPDATE case_file SET assignee_sub = 'sw-caseworker-1' WHERE id = $1`, [c.id]);
    await startedDaysAgo(c.id, 10);
    await sweep();
    expect(await notices(caseworker, { kind: 'deadline_at_risk', case: c.number })).toMatchObject([{ addressedTo: 'person' }]);
    expect(await notices(otherCaseworker, { kind: 'deadline_at_risk', case: c.number })).toEqual([]);
  });

  it('tells caseworkers and legal approvers once when a case becomes overdue', async () => {
    const { case: c } = await submitAndScreen(t, researcher, completeApplication());
    await startedDaysAgo(c.id, 45);
    await sweep();
    await sweep();
    expect(await notices(caseworker, { kind: 'deadline_overdue', case: c.number })).toHaveLength(1);
    expect(await notices(approver, { kind: 'deadline_overdue', case: c.number })).toHaveLength(1);
    expect(await auditCount(c.number, 'case.deadline_overdue')).toBe(1);
    const [stored] = await db.query(`SELECT overdue FROM case_file WHERE id = $1`, [c.id]);
    expect(stored.overdue).toBe(true);
  });

  it('leaves a withdrawn case alone, however late it would have been', async () => {
    const { applicationId, case: c } = await submitAndScreen(t, researcher, completeApplication());
    await startedDaysAgo(c.id, 45);
    await request(t.server).post(`/v1/applications/${applicationId}/withdraw`).set(bearer(researcher)).send({}).expect(200);
    await sweep();
    expect(await notices(caseworker, { case: c.number })).toEqual([]);
  });
});
