import { serveMetrics } from '@kp/platform';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/app';
import { bearer, completeApplication, submitAndScreen } from '../support/applications';

/** One sample's value from the Prometheus text format; 0 when the series is not there yet. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels);
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (wanted.every(([k, v]) => have[k] === v)) return Number(match[3]);
  }
  return 0;
}

/**
 * GET /metrics (issue 14): served on the metrics port only, the figures an operator watches, and
 * they move when a researcher submits an application and the worker screens it.
 */
describe('Prometheus metrics on their own port (e2e)', () => {
  let t: TestApp;
  let metricsServer: Server;
  let scrape: () => Promise<string>;

  beforeAll(async () => {
    t = await startTestApp('metrics');
    // As main.ts does with METRICS_PORT set (port 0: any free one, on loopback).
    metricsServer = await serveMetrics(t.app, { port: 0, host: '127.0.0.1' });
    const { port } = metricsServer.address() as AddressInfo;
    scrape = async () => (await request(`http://127.0.0.1:${port}`).get('/metrics').expect(200).expect('Content-Type', /^text\/plain/)).text;
  });

  afterAll(async () => {
    metricsServer?.close();
    await t?.close();
  });

  it('is not served on the public port, and the metrics port serves nothing else', async () => {
    await request(t.server).get('/metrics').expect(404).expect('Content-Type', /problem\+json/);
    const { port } = metricsServer.address() as AddressInfo;
    expect((metricsServer.address() as AddressInfo).address).toBe('127.0.0.1');
    await request(`http://127.0.0.1:${port}`).get('/v1/me').expect(404);
    await request(`http://127.0.0.1:${port}`).post('/metrics').expect(404);
  });

  it('moves the screening, request, job and audit figures when an application is submitted and screened', async () => {
    const researcher = await t.token({ sub: 'researcher-metrics', role: 'researcher', organisation: '31119103' });
    const before = await scrape();
    const screened = await submitAndScreen(t, researcher, completeApplication());
    // The gauges read from the database (cases per queue, the audit head) are read once per scrape
    // burst and kept a second (libs/audit, libs/cases metrics): scrape again only after that.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const after = await scrape();

    // Screenings by verdict: one per sub-case the worker screened, under its verdict.
    const verdicts = ['approve', 'deny', 'abstain'];
    const screenings = (text: string) => verdicts.reduce((n, verdict) => n + sample(text, 'kp_screenings_total', { verdict }), 0);
    const subCases = screened.case.subCases as { track: string; screening: { verdict: string } }[];
    expect(screenings(after) - screenings(before)).toBe(subCases.length);
    for (const verdict of new Set(subCases.map((s) => s.screening.verdict))) {
      expect(sample(after, 'kp_screenings_total', { verdict }) - sample(before, 'kp_screenings_total', { verdict })).toBe(subCases.filter((s) => s.screening.verdict === verdict).length);
    }

    // Nothing waits for its screening any longer.
    expect(after).toMatch(/^kp_screening_wait_oldest_seconds 0$/m);

    // Request latency by route pattern (never the raw URL with the id) and status.
    const submitRoute = { method: 'POST', route: '/v1/applications/:id/submit', status: '202' };
    expect(sample(after, 'kp_http_request_duration_seconds_count', submitRoute) - sample(before, 'kp_http_request_duration_seconds_count', submitRoute)).toBe(1);
    const created = { method: 'POST', route: '/v1/applications', status: '201' };
    expect(sample(after, 'kp_http_request_duration_seconds_count', created) - sample(before, 'kp_http_request_duration_seconds_count', created)).toBe(1);
    expect(after).not.toMatch(/route="\/v1\/[^"]*[0-9a-f]{8}-[0-9a-f]{4}-/);

    // The screening job ran once, with its latency from queue to committed end.
    const screenJob = { job: 'screen', outcome: 'processed' };
    expect(sample(after, 'kp_job_duration_seconds_count', screenJob) - sample(before, 'kp_job_duration_seconds_count', screenJob)).toBe(1);
    expect(sample(after, 'kp_job_latency_seconds_count', { job: 'screen' }) - sample(before, 'kp_job_latency_seconds_count', { job: 'screen' })).toBe(1);

    // The audit chain grew (submission and screening are audited).
    expect(sample(after, 'kp_audit_chain_head_seq')).toBeGreaterThan(sample(before, 'kp_audit_chain_head_seq'));
    expect(sample(after, 'kp_audit_chain_head_timestamp_seconds')).toBeGreaterThan(0);

    // The case now waits in a work queue; nothing is at risk or overdue yet.
    const queue = subCases.some((s) => s.track === 'collaborative') ? 'collaborative' : 'central';
    expect(sample(after, 'kp_cases_open', { queue })).toBe(sample(before, 'kp_cases_open', { queue }) + 1);
    for (const q of ['central', 'collaborative', 'approval']) {
      expect(after).toMatch(new RegExp(`^kp_cases_at_risk\\{queue="${q}"\\} 0$`, 'm'));
      expect(after).toMatch(new RegExp(`^kp_cases_overdue\\{queue="${q}"\\} 0$`, 'm'));
    }

    // The outbox is drained and the queue backend answers.
    expect(sample(after, 'kp_outbox_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(after).toMatch(/^kp_outbox_pending \d+$/m);
    expect(after).toMatch(/^kp_queue_jobs\{state="waiting"\} \d+$/m);
    // Declared even before the first decision.
    expect(after).toContain('# TYPE kp_decision_lead_time_days histogram');
  }, 120_000);

  it('counts a refused request under its route and status', async () => {
    const before = await scrape();
    await request(t.server).get('/v1/me').expect(401);
    await request(t.server).get('/v1/no-such-route').set(bearer(await t.token({ sub: 'r', role: 'researcher' }))).expect(404);
    const after = await scrape();
    const me = { method: 'GET', route: '/v1/me', status: '401' };
    expect(sample(after, 'kp_http_request_duration_seconds_count', me) - sample(before, 'kp_http_request_duration_seconds_count', me)).toBe(1);
    // An unknown path is counted under a pattern (the catch-all's, or `unmatched`), never under its own URL.
    expect(after).not.toContain('no-such-route');
    const notFound = (text: string) =>
      text
        .split('\n')
        .filter((l) => l.startsWith('kp_http_request_duration_seconds_count{') && l.includes('method="GET"') && l.includes('status="404"'))
        .reduce((n, l) => n + Number(l.split(' ').at(-1)), 0);
    expect(notFound(after) - notFound(before)).toBe(1);
  });
});
