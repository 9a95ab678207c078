import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, submitAndScreen } from './support/applications';
import { waitFor } from './support/wait';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Business time comes from one clock port (issue 9): a test — or the flow simulator — moves it, and
 * the statutory clock (EHDS art. 68(4): a decision within 3 months of a complete application), the
 * scheduled deadline sweep and the audit trail follow, without touching the database.
 */
describe('business clock: a case runs through months in seconds (e2e)', () => {
  let t: TestApp;
  let researcher: string;
  let caseworker: string;
  let auditor: string;

  beforeAll(async () => {
    // The sweep runs on its own schedule every second; the test only moves business time.
    t = await startTestApp('business_clock', { env: { DEADLINE_SWEEP_MS: '1000' } });
    researcher = await t.token({ sub: 'bc-researcher', role: 'researcher', organisation: '31119103' });
    caseworker = await t.token({ sub: 'bc-caseworker', role: 'caseworker' });
    auditor = await t.token({ sub: 'bc-auditor', role: 'auditor' });
  });
  afterAll(() => t.close());

  it('stamps a submission with business time and lets the scheduled sweep find the case overdue after three months', async () => {
    t.clock.set(new Date('2027-01-04T09:00:00Z'));
    const { case: c } = await submitAndScreen(t, researcher, completeApplication());
    expect(c.submittedAt.slice(0, 10)).toBe('2027-01-04');
    expect(c.clock).toMatchObject({ overdue: false, atRisk: false, startedAt: expect.stringMatching(/^2027-01-04T09:00/) });
    // Three months from 4 January 2027 end on 4 April 2027, a Sunday: the limit rolls to Monday 5 April (Reg. 1182/71).
    expect(c.clock.dueDate).toBe('2027-04-05');

    t.clock.advance(100 * DAY_MS);
    const overdue = (await request(t.server).get(`/v1/cases/${c.id}`).set(bearer(caseworker)).expect(200)).body;
    expect(overdue.clock).toMatchObject({ overdue: true });
    expect(overdue.clock.daysLeft).toBeLessThan(0);

    // The sweep, on its own schedule, tells the caseworkers once and stores the figures the queues filter on.
    const notice = await waitFor(async () => {
      const res = await request(t.server).get('/v1/me/notifications').query({ kind: 'deadline_overdue', case: c.number }).set(bearer(caseworker)).expect(200);
      return res.body.items[0];
    }, 20000, 'the scheduled deadline sweep');
    expect(notice).toMatchObject({ caseId: c.id });
    const queue = (await request(t.server).get('/v1/queues/central').query({ overdue: 'true' }).set(bearer(caseworker)).expect(200)).body.items;
    expect(queue.map((q: { id: string }) => q.id)).toContain(c.id);
  });

  it('records both the business time and the write time of every event', async () => {
    t.clock.set(new Date('2028-02-01T10:00:00Z'));
    const { case: c } = await submitAndScreen(t, researcher, completeApplication());
    const trail = (await request(t.server).get(`/v1/cases/${c.id}/audit`).set(bearer(auditor)).expect(200)).body.items;
    const submitted = trail.find((e: { action: string }) => e.action === 'application.submitted');
    expect(submitted.businessAt.slice(0, 10)).toBe('2028-02-01');
    expect(Math.abs(Date.parse(submitted.at) - Date.now())).toBeLessThan(5 * 60 * 1000);
  });
});
