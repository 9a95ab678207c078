import { FaultCluster, eventually } from './support/cluster';
import { sleep } from './support/processes';
import { AUDITOR, everyCaseScreened, RESEARCHER, writeReport } from './support/load';
import { completeApplication } from '../support/applications';

/**
 * A deploy stops the API and the worker with SIGTERM under load. The API turns readiness to 503
 * first and keeps serving for SHUTDOWN_DRAIN_MS, so a load balancer stops sending before the
 * server closes; what is in flight finishes. The worker finishes the jobs it holds before it exits.
 * Nothing accepted is lost or screened twice once both are back.
 */
jest.setTimeout(8 * 60_000);

const DRAIN_MS = 3000;

describe('fault: SIGTERM to the API and the worker under load', () => {
  let cluster: FaultCluster;

  beforeAll(async () => {
    cluster = await FaultCluster.start({ label: 'sigterm', env: { SHUTDOWN_DRAIN_MS: String(DRAIN_MS) } });
  }, 8 * 60_000);

  afterAll(async () => {
    await FaultCluster.closeAll();
  }, 90_000);

  it('readiness turns 503 first, requests in flight and jobs finish, and nothing is lost or run twice', async () => {
    const token = await cluster.token(RESEARCHER);
    const readiness: { at: number; status: number }[] = [];
    const requests: { sent: number; status: number; error?: string }[] = [];
    const caseIds: string[] = [];
    // Like a load balancer: no new request once readiness has said 503.
    let routable = true;
    let polling = true;

    const poller = (async () => {
      while (polling) {
        const at = Date.now();
        const status = await cluster
          .http('GET', '/health/ready', { timeoutMs: 2000 })
          .then((a) => a.status)
          .catch(() => 0);
        readiness.push({ at, status });
        if (status !== 200) routable = false;
        await sleep(100);
      }
    })();

    async function send(method: string, path: string, body?: unknown, headers?: Record<string, string>) {
      const sent = Date.now();
      try {
        const answer = await cluster.http(method, path, { token, body, headers, timeoutMs: 30_000 });
        requests.push({ sent, status: answer.status });
        return answer;
      } catch (error) {
        requests.push({ sent, status: 0, error: (error as Error).message });
        return undefined;
      }
    }

    const clients = Promise.all(
      Array.from({ length: 4 }, async (_, c) => {
        for (let n = 0; routable; n++) {
          const draft = await send('POST', '/v1/applications', completeApplication({ title: `SIGTERM load ${c}-${n}` }));
          if (draft?.status !== 201 || !routable) continue;
          const submit = await send('POST', `/v1/applications/${draft.body.id}/submit`, undefined, { 'Idempotency-Key': `sigterm-${c}-${n}` });
          if (submit?.status === 202) caseIds.push(submit.body.id);
        }
      }),
    );

    // Under load: some cases accepted (their screenings in the queue) before the signal.
    await eventually(async () => (caseIds.length >= 5 ? true : undefined), 180_000, 'five submissions accepted before SIGTERM', 200);
    const api = cluster.api!;
    const worker = cluster.worker!;
    // Jobs the worker holds at the signal: they must finish, not be abandoned to a retry.
    const [{ active }] = await cluster.query<{ active: number }>(`SELECT count(*)::int AS active FROM bullmq.job WHERE state = 'active'`);
    const sigtermAt = Date.now();
    api.kill('SIGTERM');
    worker.kill('SIGTERM');
    const [apiExit, workerExit] = await Promise.all([
      api.exited.then((exit) => ({ ...exit, at: Date.now() })),
      worker.exited.then((exit) => ({ ...exit, at: Date.now() })),
    ]);
    polling = false;
    await Promise.all([poller, clients]);

    const first503 = readiness.find((r) => r.at >= sigtermAt && r.status === 503);
    const lastRoutable = readiness.filter((r) => r.status === 200).at(-1)?.at ?? 0;
    // Sent while the API was still routable (before the poller saw 503): each must have its answer.
    const unanswered = requests.filter((r) => r.sent <= (first503?.at ?? sigtermAt) && (r.status === 0 || r.status >= 500));

    // Both come back; the backlog (outbox rows of submissions the worker had not yet relayed) drains.
    await cluster.startApi();
    await cluster.startWorker();
    const counts = await everyCaseScreened(cluster, caseIds, 3 * 60_000, 'every accepted case screened after the restart', 500);
    const interrupted = await cluster.query(`SELECT id, name, attempts_started, stalled_count FROM bullmq.job WHERE attempts_started > 1 OR stalled_count > 0 OR state = 'failed'`);
    const verify = await cluster.http('GET', '/v1/audit/verify', { token: await cluster.token(AUDITOR) });
    const lost = caseIds.length - counts.filter((r) => r.screenedEvents >= 1).length;
    const duplicated = counts.filter((r) => r.screenedEvents > 1 || r.screenings > r.subCases).length;
    writeReport('sigterm', {
      requests: requests.length,
      accepted: caseIds.length,
      jobsActiveAtSigterm: active,
      readiness503AfterSigtermMs: first503 ? first503.at - sigtermAt : null,
      apiExitAfterSigtermMs: apiExit.at - sigtermAt,
      workerExitAfterSigtermMs: workerExit.at - sigtermAt,
      apiExit: apiExit.code ?? apiExit.signal,
      workerExit: workerExit.code ?? workerExit.signal,
      unansweredInFlight: unanswered.length,
      interruptedJobs: interrupted.length,
      lost,
      duplicated,
      auditChainValid: verify.body.valid,
    });

    expect(first503).toBeDefined();
    // 503 came while the process still served: before it exited, and the last 200 before the first 503.
    expect(first503!.at).toBeLessThan(apiExit.at);
    expect(lastRoutable).toBeLessThan(first503!.at);
    expect(apiExit.code).toBe(0);
    // The worker closes through Nest's shutdown hooks, which end by raising the signal again.
    expect(workerExit.code === 0 || workerExit.signal === 'SIGTERM').toBe(true);
    expect(unanswered).toEqual([]);
    expect(interrupted).toEqual([]);
    expect(caseIds.length).toBeGreaterThan(0);
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    expect(verify.body.valid).toBe(true);
  });
});
