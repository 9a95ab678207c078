import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { completeApplication } from '../../support/applications';
import { eventually, FaultCluster, HttpAnswer } from './cluster';

export const RESEARCHER = { sub: 'fault-researcher', role: 'researcher' as const, organisation: '31119103', name: 'Mette Jensen' };
export const CASEWORKER = (n: number) => ({ sub: `fault-caseworker-${n}`, role: 'caseworker' as const, name: `Sagsbehandler ${n}` });
export const AUDITOR = { sub: 'fault-auditor', role: 'auditor' as const, name: 'Revisor' };
export const ADMIN = { sub: 'fault-admin', role: 'admin' as const, name: 'Drift' };

export const NOT_SENT = 'not sent: the load ran out of time';

/** Submissions a client sent (the load may end before all of them on a slow machine). */
export const sent = (submissions: Submission[]) => submissions.filter((s) => s.failure !== NOT_SENT);

/** What one submission attempt came to, as the client saw it. */
export interface Submission {
  n: number;
  draftStatus?: number;
  submitStatus?: number;
  caseId?: string;
  /** The problem type (or the network error) of a refused attempt. */
  failure?: string;
}

/**
 * One researcher's round trip: draft, then submit with an Idempotency-Key of its own. A submit that
 * fails (5xx or no answer) is sent again with the same key, as a client that follows the API's
 * contract does, until it is accepted or `deadline` passes; "accepted" is a 202 with a case id.
 */
export async function submitOne(cluster: FaultCluster, token: string, n: number, deadline: number): Promise<Submission> {
  const outcome: Submission = { n };
  // The load's time ran out before this one was sent: not a refusal, and not accepted work.
  if (Date.now() >= deadline) return { n, failure: NOT_SENT };
  let draftId: string | undefined;
  const key = `fault-${n}-${Math.random().toString(36).slice(2)}`;
  while (Date.now() < deadline) {
    try {
      if (!draftId) {
        // A draft is not accepted work; a failed create is simply tried again (another draft, never submitted, is harmless).
        const draft = await cluster.http('POST', '/v1/applications', { token, body: completeApplication({ title: `Fault load ${n}` }) });
        outcome.draftStatus = draft.status;
        if (draft.status !== 201) {
          outcome.failure = problemOf(draft);
          await pause(200);
          continue;
        }
        draftId = draft.body.id;
      }
      const submit = await cluster.http('POST', `/v1/applications/${draftId}/submit`, { token, headers: { 'Idempotency-Key': key } });
      outcome.submitStatus = submit.status;
      if (submit.status === 202) {
        outcome.caseId = submit.body.id;
        outcome.failure = undefined;
        return outcome;
      }
      outcome.failure = problemOf(submit);
      if (submit.status < 500) return outcome;
    } catch (error) {
      outcome.failure = `no answer: ${(error as Error).message}`;
    }
    await pause(200);
  }
  return outcome;
}

const pause = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

export function problemOf(answer: HttpAnswer): string {
  return `${answer.status} ${typeof answer.body === 'object' ? (answer.body?.type ?? '') : String(answer.body).slice(0, 80)}`;
}

/** Runs `total` submissions, `parallel` at a time; `onEach` runs after each (to inject a fault mid-load). */
export async function submitLoad(cluster: FaultCluster, total: number, parallel: number, deadlineMs: number, onEach?: (done: number) => void): Promise<Submission[]> {
  const token = await cluster.token(RESEARCHER);
  const deadline = Date.now() + deadlineMs;
  const results: Submission[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < total) {
        const n = next++;
        results.push(await submitOne(cluster, token, n, deadline));
        onEach?.(results.length);
      }
    }),
  );
  return results.sort((a, b) => a.n - b.n);
}

export interface ScreeningCount {
  caseId: string;
  state: string;
  screenedEvents: number;
  screenings: number;
  subCases: number;
}

/**
 * For each accepted case: its state, how many `case.screened` audit events and how many screenings of
 * the submission it has, against its number of sub-cases. Read as the owner, for the assertion only.
 */
export async function screeningCounts(cluster: FaultCluster, caseIds: string[]): Promise<ScreeningCount[]> {
  if (caseIds.length === 0) return [];
  return cluster.query<ScreeningCount>(
    `SELECT c.id AS "caseId", c.state,
            (SELECT count(*)::int FROM audit_event e WHERE e.action = 'case.screened' AND e.payload->>'caseId' = c.id::text) AS "screenedEvents",
            (SELECT count(*)::int FROM screening s WHERE s.case_id = c.id) AS screenings,
            (SELECT count(*)::int FROM sub_case sc WHERE sc.case_id = c.id) AS "subCases"
       FROM case_file c WHERE c.id = ANY($1::uuid[])`,
    [caseIds],
  );
}

/** Waits until every one of `caseIds` has at least one `case.screened` event; then returns their counts. */
export async function everyCaseScreened(cluster: FaultCluster, caseIds: string[], timeoutMs: number, what: string, everyMs = 500): Promise<ScreeningCount[]> {
  return eventually(
    async () => {
      const rows = await screeningCounts(cluster, caseIds);
      return rows.length === caseIds.length && rows.every((r) => r.screenedEvents >= 1) ? rows : undefined;
    },
    timeoutMs,
    what,
    everyMs,
  );
}

/** The figures a scenario reports; written to reports/faults/<file>.json (gitignored) and quoted in docs/reliability.md. */
export function writeReport(name: string, figures: Record<string, unknown>): string {
  const dir = resolve(process.env.FAULT_REPORT_DIR ?? join(__dirname, '../../../reports/faults'));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify({ scenario: name, finishedAt: new Date().toISOString(), ...figures }, null, 2)}\n`);
  // eslint-disable-next-line no-console
  console.log(`${name}: ${JSON.stringify(figures)}`);
  return file;
}
