import request from 'supertest';
import { DataSource } from 'typeorm';
import { ScreenCaseHandler, ScreenCasePayload } from '../libs/applications/src/screen-case/screen-case.handler';
import { bearer, completeApplication, submitAndScreen } from './support/applications';
import { startTestApp, TestApp } from './support/app';

/**
 * A screening job the case has overtaken — a second answer to the same submission (a late original
 * job after the recovery sweep, or the reverse), a case withdrawn meanwhile, a case that is not
 * there — is done without effect, not failed: a failed job would be retried and alarm operations for
 * nothing. The check is made on the case row under the transition's lock (issue 17: one read of the
 * row instead of the handler's own and the transition's). A screening that is still asked for (a
 * caseworker's request on a case in review) is not skipped.
 */
describe('screening jobs the case has overtaken (e2e)', () => {
  let t: TestApp;
  let researcher: string;
  let caseworker: string;

  beforeAll(async () => {
    t = await startTestApp('screening_skips');
    researcher = await t.token({ sub: 'skips-researcher', role: 'researcher', organisation: '31119103' });
    caseworker = await t.token({ sub: 'skips-caseworker', role: 'caseworker' });
  });
  afterAll(async () => t.close());

  /** The job as the worker runs it: in a transaction of its own. */
  const runJob = (payload: ScreenCasePayload) =>
    t.app.get(DataSource).transaction((manager) => t.app.get(ScreenCaseHandler).handle(manager, payload, { jobId: `test-${Date.now()}`, attempt: 1 }));
  const screenedEvents = async (caseId: string) =>
    ((await request(t.server).get(`/v1/cases/${caseId}/audit`).set(bearer(caseworker)).expect(200)).body.items as { action: string; payload: { reason: string } }[]).filter(
      (e) => e.action === 'case.screened',
    );
  const screeningRows = async (caseId: string) =>
    (await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM screening WHERE case_id = $1', [caseId]))[0].n as number;
  const version = async (caseId: string) => (await request(t.server).get(`/v1/cases/${caseId}`).set(bearer(caseworker)).expect(200)).body.version as number;

  it('does nothing, and does not fail, when a second answer to the submission finds the case screened', async () => {
    const { case: c } = await submitAndScreen(t, researcher, completeApplication());
    const rows = await screeningRows(c.id);
    const before = await version(c.id);

    for (const reason of ['submitted', 'recovered', 'resubmitted'] as const) await expect(runJob({ caseId: c.id, reason })).resolves.toBeUndefined();

    expect(await screenedEvents(c.id)).toHaveLength(1);
    expect(await screeningRows(c.id)).toBe(rows);
    expect(await version(c.id)).toBe(before);
  });

  it('does nothing, and does not fail, for a withdrawn case, even when a caseworker asked for the screening', async () => {
    const { applicationId, case: c } = await submitAndScreen(t, researcher, completeApplication());
    await request(t.server).post(`/v1/applications/${applicationId}/withdraw`).set(bearer(researcher)).send({ reason: 'Funding ended' }).expect(200);
    const rows = await screeningRows(c.id);
    const before = await version(c.id);

    await expect(runJob({ caseId: c.id, reason: 'rescreen_requested' })).resolves.toBeUndefined();
    await expect(runJob({ caseId: c.id, reason: 'submitted' })).resolves.toBeUndefined();

    expect(await screenedEvents(c.id)).toHaveLength(1);
    expect(await screeningRows(c.id)).toBe(rows);
    expect(await version(c.id)).toBe(before);
  });

  it('does nothing, and does not fail, for a case that is not there', async () => {
    await expect(runJob({ caseId: '00000000-0000-4000-8000-000000000000', reason: 'recovered' })).resolves.toBeUndefined();
  });

  it('screens a case in review again when the screening does not answer the submission (a caseworker asked)', async () => {
    const { case: c } = await submitAndScreen(t, researcher, completeApplication());
    const rows = await screeningRows(c.id);

    await runJob({ caseId: c.id, reason: 'rescreen_requested' });

    expect((await screenedEvents(c.id)).map((e) => e.payload.reason)).toEqual(['submitted', 'rescreen_requested']);
    expect(await screeningRows(c.id)).toBe(rows * 2);
  });
});
