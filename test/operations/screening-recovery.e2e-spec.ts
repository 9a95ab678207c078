import request from 'supertest';
import { bearer, completeApplication, submitAndScreen } from '../support/applications';
import { startTestApp, TestApp } from '../support/app';

/**
 * The recovery sweep screens a case whose screening job was lost (test/faults/lost-jobs proves that
 * with a Redis that loses its data). Here the other half: a submission is screened exactly once —
 * with a limit so short (1 s) that the sweep, run every 100 ms, races the original job — and a
 * screened case in review is never screened again by the sweep, however old.
 */
describe('screening recovery sweep (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('screening_recovery', { env: { SCREENING_RECOVERY_SWEEP_MS: '100', SCREENING_RECOVERY_AFTER_MS: '1000' } });
  });
  afterAll(async () => t.close());

  it('screens a submission once though the sweep races its job, and leaves it alone in review however old', async () => {
    const researcher = await t.token({ sub: 'recovery-researcher', role: 'researcher', organisation: '31119103' });
    const caseworker = await t.token({ sub: 'recovery-caseworker', role: 'caseworker' });
    const { case: c } = await submitAndScreen(t, researcher, completeApplication());
    expect(c.state).toBe('in_review');

    // Two hours of business time later, several runs of the sweep have come and gone.
    t.clock.advance(2 * 60 * 60 * 1000);
    await new Promise((ok) => setTimeout(ok, 1500));

    const timeline = (await request(t.server).get(`/v1/cases/${c.id}/audit`).set(bearer(caseworker)).expect(200)).body;
    const screened = timeline.items.filter((e: { action: string }) => e.action === 'case.screened');
    expect(screened).toHaveLength(1);
    // Whichever came first: the job, or the sweep after the case had waited a second.
    expect(['submitted', 'recovered']).toContain(screened[0].payload.reason);
  });
});
