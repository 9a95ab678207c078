import { FaultCluster } from './support/cluster';
import { redisServerAvailable, sleep } from './support/processes';
import { AUDITOR, everyCaseScreened, RESEARCHER, sent, Submission, submitOne, writeReport } from './support/load';

/**
 * Redis (the queue backend for high volume, README "Configuration") stops for 10 s under load and
 * starts again. Submissions write only PostgreSQL (the case and its outbox row in one transaction,
 * DESIGN.md §5), so the API keeps accepting; the relay keeps undispatched rows until Redis answers,
 * and the job runner's processed_job record keeps a redelivered job from screening twice.
 */
jest.setTimeout(8 * 60_000);

const OUTAGE_MS = 10_000;
/** How long the load lasts: 3 s before the outage, the outage, and 5 s after it. */
const LOAD_SPAN_MS = 3_000 + OUTAGE_MS + 5_000;
const SUBMISSIONS = Number(process.env.FAULT_REDIS_SUBMISSIONS ?? 100);
const describeWithRedis = redisServerAvailable() ? describe : describe.skip;
if (!redisServerAvailable()) {
  // eslint-disable-next-line no-console
  console.warn('fault suite: redis-server is not installed here, so the Redis outage scenario is skipped (apt-get install redis-server)');
}

describeWithRedis('fault: Redis stopped for 10 s under load (Redis queue backend)', () => {
  let cluster: FaultCluster;

  beforeAll(async () => {
    cluster = await FaultCluster.start({ label: 'redis-outage', redis: true });
  }, 8 * 60_000);

  afterAll(async () => {
    await FaultCluster.closeAll();
  }, 90_000);

  it('keeps accepting while Redis is down; after it returns the backlog drains: 0 lost, 0 duplicated', async () => {
    const token = await cluster.token(RESEARCHER);
    const deadline = Date.now() + 3 * 60_000;
    const submissions: (Submission & { at: number })[] = [];
    let next = 0;
    let outage: { from: number; to: number } | undefined;
    const readinessDuringOutage: number[] = [];
    const queueHealthDuringOutage: number[] = [];

    // A steady load: 4 clients, each submitting one application after another, paced by the clock
    // so that the load spans the outage however fast a submit is: submission n is sent no earlier
    // than n/SUBMISSIONS of the way through LOAD_SPAN_MS (a fixed pause after each submit let a fast
    // machine send all of them in the 3 s before Redis stopped).
    const loadStart = Date.now();
    const load = Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < SUBMISSIONS) {
          const n = next++;
          await sleep(Math.max(0, loadStart + (n * LOAD_SPAN_MS) / SUBMISSIONS - Date.now()));
          const result = await submitOne(cluster, token, n, deadline);
          submissions.push({ ...result, at: Date.now() });
        }
      }),
    );

    await sleep(3000);
    const from = Date.now();
    await cluster.stopRedis();
    while (Date.now() - from < OUTAGE_MS) {
      readinessDuringOutage.push((await cluster.http('GET', '/health/ready').catch(() => ({ status: 0 }))).status);
      queueHealthDuringOutage.push((await cluster.http('GET', '/health/queue').catch(() => ({ status: 0 }))).status);
      await sleep(1000);
    }
    await cluster.startRedis();
    outage = { from, to: Date.now() };
    await load;

    const accepted = submissions.filter((s) => s.caseId).map((s) => s.caseId!);
    const acceptedDuringOutage = submissions.filter((s) => s.caseId && s.at >= outage!.from && s.at <= outage!.to).length;
    // The submissions whose time to be sent fell inside the outage.
    const dueDuringOutage = Array.from({ length: SUBMISSIONS }, (_, n) => loadStart + (n * LOAD_SPAN_MS) / SUBMISSIONS).filter((at) => at >= outage!.from && at <= outage!.to).length;
    const counts = await everyCaseScreened(cluster, accepted, 3 * 60_000, 'every accepted case screened after Redis returned', 500);
    const drainedAfterRedisMs = Date.now() - outage.to;
    const [{ undispatched }] = await cluster.query<{ undispatched: number }>('SELECT count(*)::int AS undispatched FROM outbox WHERE dispatched_at IS NULL');
    const verify = await cluster.http('GET', '/v1/audit/verify', { token: await cluster.token(AUDITOR) });
    const lost = accepted.length - counts.filter((r) => r.screenedEvents >= 1).length;
    const duplicated = counts.filter((r) => r.screenedEvents > 1 || r.screenings > r.subCases).length;
    writeReport('redis-outage', {
      submissions: submissions.length,
      sent: sent(submissions).length,
      accepted: accepted.length,
      acceptedDuringOutage,
      dueDuringOutage,
      refused: sent(submissions).filter((s) => !s.caseId).map((s) => s.failure),
      outageMs: outage.to - outage.from,
      readinessDuringOutage,
      queueHealthDuringOutage,
      lost,
      duplicated,
      backlogDrainedAfterRedisReturnedMs: drainedAfterRedisMs,
      undispatchedOutboxRows: undispatched,
      auditChainValid: verify.body.valid,
    });

    // Every submission a client sent was accepted (on a slow machine the load may end before all are sent).
    expect(accepted).toHaveLength(sent(submissions).length);
    // Not slowed by Redis's absence either (each rate-limit check waited for it, so 16 of 83 due
    // in the outage were accepted in it): at least half of those due while it was down.
    expect(acceptedDuringOutage).toBeGreaterThan(0);
    expect(acceptedDuringOutage).toBeGreaterThanOrEqual(Math.floor(dueDuringOutage / 2));
    // A load balancer keeps routing to the API (readiness 200) while monitoring sees the queue down.
    expect(readinessDuringOutage.every((status) => status === 200)).toBe(true);
    expect(queueHealthDuringOutage).toContain(503);
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    expect(counts.every((r) => r.state === 'in_review')).toBe(true);
    expect(verify.body.valid).toBe(true);
  });
});
