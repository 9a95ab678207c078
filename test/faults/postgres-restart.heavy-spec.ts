import { FaultCluster, eventually } from './support/cluster';
import { sleep } from './support/processes';
import { AUDITOR, everyCaseScreened, RESEARCHER, writeReport } from './support/load';
import { completeApplication } from '../support/applications';

/**
 * PostgreSQL restarts (a fast shutdown, as a failover or a minor upgrade does it) under load. What
 * was in flight fails as 503 problem+json — a dependency is down, the client may try again — never
 * as a 500; the same API process serves again once the database is back; no case is half written,
 * because a submission is one transaction (case, sub-cases, audit event, outbox row).
 */
jest.setTimeout(8 * 60_000);

const DOWN_MS = 5_000;

interface Answer {
  at: number;
  status: number;
  contentType: string;
  type?: string;
  error?: string;
}

describe('fault: PostgreSQL restarted under load (API and worker processes keep running)', () => {
  let cluster: FaultCluster;

  beforeAll(async () => {
    cluster = await FaultCluster.start({ label: 'postgres-restart' });
  }, 8 * 60_000);

  afterAll(async () => {
    await FaultCluster.closeAll();
  }, 90_000);

  it('answers 503 problem+json while it is down, serves again without a restart, and leaves no half-written case', async () => {
    const token = await cluster.token(RESEARCHER);
    const answers: Answer[] = [];
    const caseIds = new Set<string>();
    let stop = false;
    const apiPid = cluster.api!.pid;
    const workerPid = cluster.worker!.pid;

    /** One client: draft and submit one application after another, and note every answer. */
    async function client(c: number): Promise<void> {
      let n = 0;
      while (!stop) {
        const sent = Date.now();
        try {
          const draft = await cluster.http('POST', '/v1/applications', { token, body: completeApplication({ title: `Restart load ${c}-${n++}` }), timeoutMs: 20_000 });
          answers.push({ at: sent, status: draft.status, contentType: draft.contentType, type: draft.body?.type });
          if (draft.status === 201) {
            const submit = await cluster.http('POST', `/v1/applications/${draft.body.id}/submit`, { token, headers: { 'Idempotency-Key': `restart-${c}-${n}` }, timeoutMs: 20_000 });
            answers.push({ at: Date.now(), status: submit.status, contentType: submit.contentType, type: submit.body?.type });
            if (submit.status === 202) caseIds.add(submit.body.id);
          }
        } catch (error) {
          answers.push({ at: sent, status: 0, contentType: '', error: (error as Error).message });
        }
        await sleep(50);
      }
    }

    const load = Promise.all(Array.from({ length: 4 }, (_, c) => client(c)));
    await sleep(4000);
    const down = Date.now();
    await cluster.stopPostgres();
    await sleep(DOWN_MS);
    await cluster.startPostgres();
    const up = Date.now();

    // The same API process serves a write again: the recovery time runs from PostgreSQL's return.
    await eventually(
      async () => {
        const draft = await cluster.http('POST', '/v1/applications', { token, body: completeApplication({ title: 'After the restart' }), timeoutMs: 10_000 });
        return draft.status === 201 ? draft : undefined;
      },
      120_000,
      'the API writing again after PostgreSQL returned',
      100,
    );
    const recoveryMs = Date.now() - up;
    const readyAfter = await eventually(async () => ((await cluster.http('GET', '/health/ready')).status === 200 ? Date.now() - up : undefined), 60_000, 'readiness 200 again', 100);
    await sleep(2000);
    stop = true;
    await load;

    const failures = answers.filter((a) => a.status >= 500 || a.status === 0);
    const byStatus: Record<string, number> = {};
    for (const answer of answers) byStatus[answer.status] = (byStatus[answer.status] ?? 0) + 1;

    // No half-written case: every case has its sub-cases, its submission event and its outbox job,
    // and every application marked submitted points at a case.
    const halfWritten = await cluster.query(
      `SELECT c.id FROM case_file c
        WHERE NOT EXISTS (SELECT 1 FROM sub_case s WHERE s.case_id = c.id)
           OR NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.action = 'application.submitted' AND e.payload->>'caseId' = c.id::text)
           OR NOT EXISTS (SELECT 1 FROM outbox o WHERE o.payload->>'caseId' = c.id::text)
       UNION ALL
       SELECT a.id FROM application a WHERE a.status = 'submitted' AND a.case_id IS NULL`,
    );
    const [{ cases }] = await cluster.query<{ cases: number }>('SELECT count(*)::int AS cases FROM case_file');
    const accepted = [...caseIds];
    const counts = await everyCaseScreened(cluster, accepted, 3 * 60_000, 'every accepted case screened after the restart', 500);
    const verify = await cluster.http('GET', '/v1/audit/verify', { token: await cluster.token(AUDITOR) });
    writeReport('postgres-restart', {
      requests: answers.length,
      statuses: byStatus,
      failedIn: failures.map((f) => `${f.status} ${f.type ?? f.error ?? ''}`.trim()).filter((v, i, all) => all.indexOf(v) === i),
      downMs: up - down,
      recoveryAfterPostgresReturnedMs: recoveryMs,
      readinessOkAfterPostgresReturnedMs: readyAfter,
      apiRestarted: cluster.api!.pid !== apiPid || !cluster.api!.running,
      workerRestarted: cluster.worker!.pid !== workerPid || !cluster.worker!.running,
      accepted: accepted.length,
      casesInDatabase: cases,
      halfWritten: halfWritten.length,
      lost: accepted.length - counts.length,
      duplicated: counts.filter((r) => r.screenedEvents > 1 || r.screenings > r.subCases).length,
      auditChainValid: verify.body.valid,
    });

    expect(failures.length).toBeGreaterThan(0); // the restart really hit requests in flight
    for (const failure of failures) {
      expect(failure).toEqual(expect.objectContaining({ status: 503, contentType: expect.stringMatching(/application\/problem\+json/) }));
    }
    expect(cluster.api!.pid).toBe(apiPid);
    expect(cluster.api!.running).toBe(true);
    expect(cluster.worker!.running).toBe(true);
    expect(halfWritten).toEqual([]);
    // Every case in the database was answered 202 to some client, or its answer was lost with the connection.
    expect(cases).toBeGreaterThanOrEqual(accepted.length);
    expect(counts.every((r) => r.screenedEvents === 1 && r.state === 'in_review')).toBe(true);
    expect(verify.body.valid).toBe(true);
  });
});
