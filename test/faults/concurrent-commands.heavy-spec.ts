import { FaultCluster, eventually } from './support/cluster';
import { CASEWORKER, RESEARCHER, writeReport } from './support/load';
import { completeApplication } from '../support/applications';

/**
 * Races on one case through the real API processes (DESIGN.md §6): commands on a case take
 * `If-Match` with its version and answer 409/412 when they lose; create and submit take an
 * `Idempotency-Key`, so a client that sends the same submit again never opens a second case.
 */
jest.setTimeout(5 * 60_000);

describe('fault: concurrent commands on one case (API + worker processes, own PostgreSQL)', () => {
  let cluster: FaultCluster;
  let researcher: string;

  beforeAll(async () => {
    cluster = await FaultCluster.start({ label: 'concurrent' });
    researcher = await cluster.token(RESEARCHER);
  }, 8 * 60_000);

  afterAll(async () => {
    await FaultCluster.closeAll();
  }, 90_000);

  async function draft(title: string): Promise<string> {
    const created = await cluster.http('POST', '/v1/applications', { token: researcher, body: completeApplication({ title }) });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  it('1,000 submits of one application with one Idempotency-Key from 20 clients open exactly one case', async () => {
    const applicationId = await draft('One key, many clients');
    const CLIENTS = 20;
    const EACH = 50;
    const key = 'fault-one-key';
    const statuses: Record<string, number> = {};
    const caseIds = new Set<string>();
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let i = 0; i < EACH; i++) {
          const answer = await cluster.http('POST', `/v1/applications/${applicationId}/submit`, { token: researcher, headers: { 'Idempotency-Key': key } });
          statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
          if (answer.status === 202) caseIds.add(answer.body.id);
        }
      }),
    );
    const elapsedMs = Date.now() - started;
    const [{ cases }] = await cluster.query<{ cases: number }>('SELECT count(*)::int AS cases FROM case_file WHERE application_id = $1', [applicationId]);
    const [{ submitted }] = await cluster.query<{ submitted: number }>(
      `SELECT count(*)::int AS submitted FROM audit_event WHERE action = 'application.submitted' AND payload->>'applicationId' = $1`,
      [applicationId],
    );
    writeReport('idempotent-submit', { requests: CLIENTS * EACH, clients: CLIENTS, statuses, distinctCaseIdsAnswered: caseIds.size, casesInDatabase: cases, submittedEvents: submitted, elapsedMs });

    // Every answer is the one case (a retried submit is answered like the first); none failed.
    expect(statuses).toEqual({ 202: CLIENTS * EACH });
    expect(caseIds.size).toBe(1);
    expect(cases).toBe(1);
    expect(submitted).toBe(1);
  });

  it('100 parallel claims of one case with the same If-Match: exactly one wins, the rest get 409 or 412', async () => {
    const applicationId = await draft('One case, a hundred caseworkers');
    const submitted = await cluster.http('POST', `/v1/applications/${applicationId}/submit`, { token: researcher, headers: { 'Idempotency-Key': 'claim-race' } });
    expect(submitted.status).toBe(202);
    const caseId: string = submitted.body.id;
    const view = await eventually(
      async () => {
        const answer = await cluster.http('GET', `/v1/cases/${caseId}`, { token: researcher });
        return answer.body.state === 'in_review' ? answer : undefined;
      },
      60_000,
      'screening of the raced case',
    );
    const etag = view.headers.get('etag')!;
    expect(etag).toBeTruthy();

    const CONTENDERS = 100;
    const tokens = await Promise.all(Array.from({ length: CONTENDERS }, (_, n) => cluster.token(CASEWORKER(n))));
    const answers = await Promise.all(tokens.map((token) => cluster.http('POST', `/v1/cases/${caseId}/claim`, { token, headers: { 'If-Match': etag } })));
    const statuses: Record<string, number> = {};
    for (const answer of answers) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    const winners = answers.map((answer, n) => ({ answer, n })).filter(({ answer }) => answer.status === 200);
    const losers = answers.filter((answer) => answer.status !== 200);
    const after = await cluster.http('GET', `/v1/cases/${caseId}`, { token: await cluster.token(CASEWORKER(0)) });
    const [{ claims }] = await cluster.query<{ claims: number }>(`SELECT count(*)::int AS claims FROM audit_event WHERE action = 'case.claimed' AND payload->>'caseId' = $1`, [caseId]);
    writeReport('conflicting-commands', { contenders: CONTENDERS, statuses, claimEvents: claims, holder: after.body.assignee ?? null });

    expect(winners).toHaveLength(1);
    for (const loser of losers) {
      expect([409, 412]).toContain(loser.status);
      expect(loser.contentType).toMatch(/application\/problem\+json/);
    }
    expect(claims).toBe(1);
    expect(after.body.assignee).toBe(CASEWORKER(winners[0].n).sub);
  });
});
