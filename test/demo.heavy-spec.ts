import { DEMO_APPLICATIONS } from '../scripts/demo/applications';
import { formatSummary, runDemoDay } from '../scripts/demo/day';
import { startTestApp, TestApp } from './support/app';

/**
 * `npm run demo` (issue 12) drives a day through the real API: every application of the day ends
 * as it was meant to — decided on its track, four eyes or the controller, with a permit where a part
 * was approved, or left open where intended — and the audit trail verifies. The whole day (about
 * a minute of requests), through HTTP on a listening app, as the CLI (scripts/demo.ts) drives it.
 */
jest.setTimeout(10 * 60 * 1000);

describe('the demo day (heavy)', () => {
  let t: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    t = await startTestApp('demo');
    await t.app.listen(0, '127.0.0.1');
    baseUrl = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(() => t?.close());

  it('takes every application of the day to its intended end, and the audit trail verifies', async () => {
    const lines: string[] = [];
    const { cases, audit } = await runDemoDay({ baseUrl, token: (actor) => t.token(actor as never) }, { log: (line) => lines.push(line), only: process.env.DEMO_ONLY?.split(',') });
    const summary = formatSummary(cases, audit);
    if (process.env.DEMO_ONLY) return void console.log(formatSummary(cases, audit));
    expect(cases.map((c) => c.key)).toEqual(DEMO_APPLICATIONS.map((a) => a.key));
    expect(cases.filter((c) => !c.reachedIntendedEnd).map((c) => `${c.key}: ${JSON.stringify(c)}`)).toEqual([]);
    // Both tracks, a supplement, consultations answered, a refusal without a permit.
    expect(new Set(cases.flatMap((c) => c.parts.map((p) => p.track)))).toEqual(new Set(['central', 'collaborative']));
    expect(cases.find((c) => c.key === 'biobank-supplemented')).toMatchObject({ supplemented: true, state: 'decided', permit: expect.stringMatching(/^DUT-/) });
    expect(cases.find((c) => c.key === 'multi-region-epj')!.consultationsAnswered).toBeGreaterThanOrEqual(1);
    expect(cases.find((c) => c.key === 'pathology-refused')).toMatchObject({ state: 'decided', permit: null });
    // Two cases are left open on purpose, so the console has work to show.
    expect(cases.filter((c) => c.state !== 'decided').map((c) => c.key)).toEqual(['heart-failure-queued', 'asthma-awaiting-approval']);
    expect(cases.filter((c) => c.permit).length).toBe(7);
    expect(audit).toMatchObject({ valid: true });
    expect(summary).toContain('Audit trail verified');
    for (const c of cases) expect(summary).toContain(c.number);
  });
});
