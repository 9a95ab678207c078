import { randomUUID } from 'node:crypto';
import { DEMO_APPLICATIONS, DemoApplication, Outcome } from './applications';

/**
 * A realistic day at the contact point, through the real API only (issue 12): researchers file
 * applications, the screening runs in the worker, caseworkers claim cases, ask for a supplement, ask
 * regions' advisors and settle legal matters, draft decisions that a legal approver issues (four
 * eyes) or recommend to a source's controller, who decides; permits are issued. Every step is a
 * command a person could send; nothing is written to the database directly.
 */

export interface DemoActor {
  sub: string;
  role: 'researcher' | 'caseworker' | 'legal_approver' | 'advisor' | 'controller' | 'auditor' | 'admin';
  organisation?: string;
  region?: string;
  name?: string;
  email?: string;
}

export interface DemoApi {
  baseUrl: string;
  /** A bearer token for this person from the local issuer. */
  token(actor: DemoActor): Promise<string>;
}

export interface CaseSummary {
  key: string;
  story: string;
  number: string;
  title: string;
  applicant: string;
  state: string;
  supplemented: boolean;
  consultationsAnswered: number;
  legalMattersResolved: number;
  parts: { dataSourceId: string; track: string; verdict: string | null; intended: Outcome; outcome: string | null; decidedBy: string }[];
  permit: string | null;
  /** What the case was meant to end as, and whether it did. */
  reachedIntendedEnd: boolean;
}

// The people of the console's development sign-in (apps/api/src/auth/dev-personas.ts) where there is
// one for the role, so that signing in as them after the demo shows their part of the day.
const CASEWORKER: DemoActor = { sub: 'cw-1', role: 'caseworker', organisation: '33257872', name: 'Kasper Holm', email: 'kasper.holm@sundhedsdata.dk' };
const APPROVER: DemoActor = { sub: 'la-1', role: 'legal_approver', organisation: '33257872', name: 'Lene Bach', email: 'lene.bach@sundhedsdata.dk' };
const AUDITOR: DemoActor = { sub: 'auditor-1', role: 'auditor', name: 'Henrik Dahl' };
const PERSONA_SUBS: Record<string, string> = { 'advisor:region-midtjylland': 'advisor-rm', 'controller:29190925': 'ctl-rm' };
const PERSONA_NAMES: Record<string, string> = { 'ctl-rm': 'Sofie Lund' };
const ADVISOR_NAMES: Record<string, string> = {
  'region-hovedstaden': 'Per Kirk',
  'region-sjaelland': 'Maja Krogh',
  'region-midtjylland': 'Anders Møller',
  'region-nordjylland': 'Lise Dam',
  'region-syddanmark': 'Ole Brandt',
};

const advisor = (region: string): DemoActor => ({ sub: PERSONA_SUBS[`advisor:${region}`] ?? `demo-adv-${region}`, role: 'advisor', region, name: ADVISOR_NAMES[region] ?? 'Advisor' });
const controller = (cvr: string, name: string): DemoActor => {
  const sub = PERSONA_SUBS[`controller:${cvr}`] ?? `demo-ctl-${cvr}`;
  return { sub, role: 'controller', organisation: cvr, name: PERSONA_NAMES[sub] ?? `Decider, ${name}` };
};

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

class Http {
  private readonly tokens = new Map<string, Promise<string>>();
  constructor(private readonly api: DemoApi) {}

  private token(actor: DemoActor): Promise<string> {
    if (!this.tokens.has(actor.sub)) this.tokens.set(actor.sub, this.api.token(actor));
    return this.tokens.get(actor.sub)!;
  }

  async call(actor: DemoActor, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Json> {
    const response = await fetch(this.api.baseUrl + path, {
      method,
      headers: { Authorization: `Bearer ${await this.token(actor)}`, 'Accept-Language': 'en', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : {};
    if (!response.ok) throw new Error(`${actor.sub}: ${method} ${path} answered ${response.status}: ${json.detail ?? text}${json.errors ? ' ' + JSON.stringify(json.errors) : ''}`);
    return json;
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
}

const REASONING: Record<Outcome, string> = {
  approved: 'The purpose is scientific research of significant societal importance, and the data requested are limited to what it needs.',
  approved_with_conditions: 'The purpose is scientific research of significant societal importance; the conditions keep the output anonymous.',
  rejected: 'The data requested go beyond what the stated purpose needs (data minimisation, GDPR art. 5(1)(c); EHDS art. 66(1)).',
};
const CONDITIONS = ['Only aggregated results with at least five persons per cell may leave the secure processing environment.'];

/** The screening's verdict a human outcome departs from needs a reason (DESIGN.md §3). */
const HEARING_NOT_OWED = 'The refusal rests only on what the application itself states; there are no facts the applicant has not seen (forvaltningsloven § 19, stk. 1).';
const departs = (outcome: Outcome, verdict: string | null) => (verdict === 'approve' && outcome === 'rejected') || (verdict === 'deny' && outcome !== 'rejected');

/** Runs the day; `only` limits it to some applications (the test's small scale). */
export async function runDemoDay(api: DemoApi, options: { only?: string[]; log?: (line: string) => void } = {}): Promise<{ cases: CaseSummary[]; audit: Json }> {
  const http = new Http(api);
  const log = options.log ?? (() => {});
  const applications = options.only ? DEMO_APPLICATIONS.filter((a) => options.only!.includes(a.key)) : DEMO_APPLICATIONS;
  // Everyone signs in once, so the staff directory knows them before the first notice.
  for (const actor of [CASEWORKER, APPROVER, ...Object.keys(ADVISOR_NAMES).map(advisor)]) await http.call(actor, 'GET', '/v1/me');

  const cases: CaseSummary[] = [];
  for (const demo of applications) {
    log(`• ${demo.applicant.organisation.name}: ${demo.content.title}`);
    cases.push(await handle(http, demo, log));
  }
  const audit = await http.call(AUDITOR, 'GET', '/v1/audit/verify');
  return { cases, audit };
}

async function handle(http: Http, demo: DemoApplication, log: (line: string) => void): Promise<CaseSummary> {
  const researcher: DemoActor = { sub: demo.applicant.sub, role: 'researcher', organisation: demo.applicant.organisation.cvr, name: demo.applicant.name, email: demo.applicant.email };
  const read = (actor: DemoActor, id: string) => http.call(actor, 'GET', `/v1/cases/${id}`);
  const screened = (id: string) =>
    until(`the screening of case ${id}`, async () => {
      const c = await read(CASEWORKER, id);
      return ['in_review', 'consultation'].includes(c.state) && c.subCases.every((s: Json) => s.screening) ? c : undefined;
    });

  // The researcher drafts, checks and submits.
  const draft = await http.call(researcher, 'POST', '/v1/applications', demo.content);
  const check = await http.call(researcher, 'POST', `/v1/applications/${draft.id}/check`);
  if (!check.readyToSubmit) throw new Error(`${demo.key}: check is not ready: ${JSON.stringify([...check.missing, ...check.invalid])}`);
  const submitted = await http.call(researcher, 'POST', `/v1/applications/${draft.id}/submit`, undefined, { 'Idempotency-Key': `demo-${randomUUID()}` });
  let c = await screened(submitted.id);
  log(`  ${c.number} submitted and screened: ${c.subCases.map((s: Json) => `${s.dataSourceId} ${s.track} → ${s.screening.verdict}`).join('; ')}`);
  if (demo.stopAfter === 'screening') return openSummary(demo, c, 'waits in the caseworkers’ queue');
  c = await http.call(CASEWORKER, 'POST', `/v1/cases/${c.id}/claim`).then(() => read(CASEWORKER, c.id));

  // A request for supplement: the researcher amends the application and answers each question.
  if (demo.supplement) {
    await http.call(CASEWORKER, 'POST', `/v1/cases/${c.id}/supplement-requests`, { questions: demo.supplement.questions });
    const application = await http.call(researcher, 'GET', `/v1/applications/${draft.id}`);
    await http.call(researcher, 'PATCH', `/v1/applications/${draft.id}`, { ...application.content, ...demo.supplement.amend }, { 'If-Match': `"${application.version}"` });
    await http.call(researcher, 'POST', `/v1/applications/${draft.id}/resubmit`, { answers: demo.supplement.answers });
    c = await screened(c.id);
    log(`  supplemented and screened again: ${c.subCases.map((s: Json) => `${s.dataSourceId} → ${s.screening.verdict}`).join('; ')}`);
    if (c.assignee !== CASEWORKER.sub) c = await http.call(CASEWORKER, 'POST', `/v1/cases/${c.id}/claim`).then(() => read(CASEWORKER, c.id));
  }

  // Questions to regions' advisors beyond those the rules asked; every open consultation is answered.
  for (const q of demo.consult ?? []) {
    const subCase = c.subCases.find((s: Json) => s.advisorRegion === q.region);
    const deadline = new Date(Date.now() + 10 * 24 * 3600 * 1000).toISOString();
    await http.call(CASEWORKER, 'POST', `/v1/cases/${c.id}/consultations`, { advisorRegion: q.region, question: q.question, deadline, ...(subCase ? { subCaseId: subCase.id } : {}) });
  }
  c = await read(CASEWORKER, c.id);
  let consultationsAnswered = 0;
  for (const k of (c.consultations ?? []).filter((k: Json) => k.state === 'open')) {
    await http.call(advisor(k.advisorRegion), 'POST', `/v1/consultations/${k.id}/answer`, {
      answer: 'The variables are recorded in structured form for the whole period; we see no obstacle to the disclosure.',
    });
    consultationsAnswered++;
  }
  if (consultationsAnswered) log(`  ${consultationsAnswered} consultation(s) answered by the regions’ advisors`);

  // Legal matters the screening opened (agreements, transfer tools) are settled with their documents.
  c = await read(CASEWORKER, c.id);
  let legalMattersResolved = 0;
  for (const m of c.legalMatters.filter((m: Json) => m.state === 'open')) {
    await http.call(CASEWORKER, 'POST', `/v1/cases/${c.id}/legal-matters/${m.id}/resolve`, { documentReference: `DOC-${m.code}-${c.number}` });
    legalMattersResolved++;
  }
  if (legalMattersResolved) log(`  ${legalMattersResolved} legal matter(s) resolved`);

  // Each part is decided on its track: four eyes at the contact point, or the source's controller.
  const parts: CaseSummary['parts'] = [];
  c = await read(CASEWORKER, c.id);
  for (const s of c.subCases) {
    const intended = demo.outcomes[s.dataSourceId];
    const verdict = s.screening?.verdict ?? null;
    const body = {
      outcome: intended,
      reasoning: REASONING[intended],
      conditions: intended === 'approved_with_conditions' ? CONDITIONS : [],
      ...(departs(intended, verdict) ? { departureReason: 'The caseworker’s assessment of the purpose and the safeguards differs from the screening’s.' } : {}),
      // No partshøring is owed when a refusal rests only on what the application itself states
      // (forvaltningsloven § 19, stk. 1, covers facts the applicant cannot be assumed to know).
      ...(intended === 'rejected' && s.track === 'central' ? { hearingDispensedReason: HEARING_NOT_OWED } : {}),
    };
    if (s.track === 'central') {
      const pending = await http.call(CASEWORKER, 'POST', `/v1/cases/${c.id}/sub-cases/${s.id}/decision-drafts`, { ...body, legalBasis: 'EHDS art. 68; databeskyttelsesloven § 10' });
      if (demo.stopAfter === 'draft') return openSummary(demo, await read(CASEWORKER, c.id), `a draft decision (${intended}) waits for ${APPROVER.name}’s approval`);
      await http.call(APPROVER, 'POST', `/v1/decision-drafts/${pending.id}/issue`);
      parts.push({ dataSourceId: s.dataSourceId, track: s.track, verdict, intended, outcome: intended, decidedBy: `${CASEWORKER.name} (draft), ${APPROVER.name} (issued)` });
    } else {
      await http.call(CASEWORKER, 'POST', `/v1/cases/${c.id}/sub-cases/${s.id}/recommendations`, body);
      const decider = controller(s.controller.cvr, s.controller.name);
      await http.call(decider, 'POST', `/v1/cases/${c.id}/sub-cases/${s.id}/controller-decision`, { ...body, legalBasis: 'Sundhedsloven § 46; databeskyttelsesloven § 10' });
      parts.push({ dataSourceId: s.dataSourceId, track: s.track, verdict, intended, outcome: intended, decidedBy: `${s.controller.name} on ${CASEWORKER.name}’s recommendation` });
    }
  }

  // What the researcher sees at the end of the day.
  const final = await read(researcher, c.id);
  const { decisions, permits } = await http.call(researcher, 'GET', `/v1/cases/${c.id}/decisions`);
  for (const part of parts) {
    const subCase = final.subCases.find((s: Json) => s.dataSourceId === part.dataSourceId);
    part.outcome = (decisions as Json[]).find((d) => d.subCaseId === subCase?.id && d.current)?.outcome ?? null;
  }
  const permit: Json | null = (permits as Json[])[0] ?? null;
  const anyApproved = parts.some((p) => p.intended !== 'rejected');
  const reachedIntendedEnd = final.state === 'decided' && parts.every((p) => p.outcome === p.intended) && (anyApproved ? permit?.state === 'active' : permit === null);
  return {
    key: demo.key,
    story: demo.story,
    number: final.number,
    title: String(demo.content.title),
    applicant: `${demo.applicant.name}, ${demo.applicant.organisation.name}`,
    state: final.state,
    supplemented: !!demo.supplement,
    consultationsAnswered,
    legalMattersResolved,
    parts,
    permit: permit?.number ?? null,
    reachedIntendedEnd,
  };
}

/** A case the day leaves open on purpose, so the console has work to show: it reached its end when it waits where intended. */
function openSummary(demo: DemoApplication, c: Json, waits: string): CaseSummary {
  const parts = c.subCases.map((s: Json) => ({ dataSourceId: s.dataSourceId, track: s.track, verdict: s.screening?.verdict ?? null, intended: demo.outcomes[s.dataSourceId], outcome: null, decidedBy: '—' }));
  const reached = demo.stopAfter === 'screening' ? ['in_review', 'consultation'].includes(c.state) && !c.assignee : c.subCases.some((s: Json) => s.state === 'awaiting_approval');
  return { key: demo.key, story: demo.story, number: c.number, title: String(demo.content.title), applicant: `${demo.applicant.name}, ${demo.applicant.organisation.name}`, state: `${c.state}: ${waits}`, supplemented: false, consultationsAnswered: 0, legalMattersResolved: 0, parts, permit: null, reachedIntendedEnd: reached };
}

/** The summary a person reads after the run. */
export function formatSummary(cases: CaseSummary[], audit: Json): string {
  const lines: string[] = ['', 'The day at the contact point', '============================', ''];
  for (const c of cases) {
    lines.push(`${c.number}  ${c.title}`);
    lines.push(`  ${c.applicant} — ${c.story}`);
    for (const p of c.parts) {
      const decided = p.outcome ? `decision: ${p.outcome.padEnd(25)} by ${p.decidedBy}` : 'not decided yet';
      lines.push(`  ${p.dataSourceId.padEnd(24)} ${p.track.padEnd(13)} screening: ${String(p.verdict).padEnd(8)} ${decided}`);
    }
    const extras = [c.supplemented && 'supplemented', c.consultationsAnswered && `${c.consultationsAnswered} consultation(s) answered`, c.legalMattersResolved && `${c.legalMattersResolved} legal matter(s) resolved`].filter(Boolean);
    if (extras.length) lines.push(`  ${extras.join(', ')}`);
    const permit = c.permit ? `, permit ${c.permit}` : c.state === 'decided' ? ', no permit' : '';
    lines.push(`  case ${c.state}${permit}${c.reachedIntendedEnd ? '' : '  ← NOT the intended end'}`, '');
  }
  lines.push(
    audit.valid
      ? `Audit trail verified: ${audit.count} events, hash chain intact to #${audit.headSeq} (${String(audit.headHash).slice(0, 16)}…), ${audit.checkpointsMatched} signed checkpoint(s) matched`
      : `Audit trail BROKEN at #${audit.seq}: ${audit.reason}`,
  );
  return lines.join('\n');
}
