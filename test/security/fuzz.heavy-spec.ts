import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { DEV_PERSONA_SUBJECTS } from '../../apps/api/src/auth/dev-personas';
import { startTestApp, TestApp } from '../support/app';
import { bearer } from '../support/applications';
import { replaceBlock } from './support/doc-blocks';
import { bodyWith, Hostile, hostileText, hostileValue } from './support/hostile-values';
import { bodySchema, deepMerge, exampleBody, fieldPaths, fromSchema, OpenApiDocument, writeRoutes } from './support/openapi-bodies';
import { CaseObject, CONTROLLER_DECISION, DRAFT, Person, RECOMMENDATION, World } from './support/world';

/** A multipart field's text: JSON for a non-string, and for a value too deep to stringify (a hostile nesting) the brackets it would open. */
function asFieldText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return '['.repeat(100_000);
  }
}

/**
 * Issue 13, the attack suite: property-based fuzzing of every write route with fast-check. For
 * each route a valid request — the operation's example in /openapi.json, or a body built from its
 * schema and completed with real ids — is sent once unchanged (it must succeed, so the fields below
 * are known to reach past validation), then again and again with one field at a time (each field
 * of the schema, the path parameters, If-Match, Idempotency-Key, an undeclared `__proto__` or
 * `constructor` key, or the whole body) replaced by a hostile value: the wrong type, huge, NUL,
 * nested deeper than the stack, unicode edge cases, numbers past double precision.
 *
 * Every answer is 2xx, or 4xx application/problem+json — never 5xx; and a refused request changes
 * nothing: the object's view and the head of the audit chain are the same after it as before.
 *
 * Reproduce a failure with its seed: FUZZ_SEED=<seed> npm run test:heavy -- test/security/fuzz
 * (each route runs on FUZZ_SEED + its position). FUZZ_RUNS sets the inputs per route (default 70: 32 routes, over 2,000 in all).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 1329);
const RUNS = Number(process.env.FUZZ_RUNS ?? 70);
jest.setTimeout(30 * 60 * 1000);

type Params = Record<string, string>;

interface Target {
  /** Who sends it: someone allowed to, so the request gets past access control to the input. */
  actor: Person;
  /** The object the route works on; made again after a success that uses it up (at most `refreshes` times). */
  object?: (accepted?: { body: { id?: string } }) => Promise<Params>;
  consumes?: boolean;
  refreshes?: number;
  /** The valid body: route-specific values over the schema's (real ids, a future deadline). */
  body?: (params: Params) => unknown;
  /** What a refused request must leave as it was. */
  view?: (params: Params) => Promise<unknown>;
  /** A success starts background work (screening): wait for it before the next input's before/after. */
  settles?: () => Promise<void>;
  /** The body goes as multipart/form-data fields beside a small PDF as the part `file` (attachments). */
  multipart?: boolean;
}

/** Keys of a view that follow the wall clock, not the object. */
const VOLATILE = new Set(['clock', 'waitingFor', 'nextSteps', 'since', 'elapsed', 'remaining', 'atRisk', 'overdue', 'usedWorkingDays', 'daysLeft']);
const stable = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(stable)
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).filter(([k]) => !VOLATILE.has(k)).map(([k, v]) => [k, stable(v)]))
      : value;

/**
 * Percent-encodes a path segment; a lone surrogate, which UTF-8 cannot carry (encodeURIComponent
 * throws), goes as the three bytes a careless encoder would write for it (WTF-8), as an attacker would send it.
 */
function encodeSegment(value: string): string {
  return Array.from(value)
    .map((ch) => {
      const unit = ch.charCodeAt(0);
      if (ch.length > 1 || unit < 0xd800 || unit > 0xdfff) return encodeURIComponent(ch);
      return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    })
    .join('');
}

describe('fuzzing every write route from the OpenAPI schemas (heavy)', () => {
  let t: TestApp;
  let w: World;
  let doc: OpenApiDocument;
  let db: Client;
  let caseA: CaseObject;
  const counts: Record<string, { inputs: number; accepted: number; refused: number }> = {};

  const get = (path: string, who: Person) => request(t.server).get(path).set(bearer(w.tokens[who]));
  const inDays = (days: number) => new Date(t.clock.now().getTime() + days * 24 * 3600 * 1000).toISOString();
  const caseView = (id: string) => async () => {
    const res = await get(`/v1/cases/${id}`, 'caseworker');
    return { etag: res.headers.etag, body: res.body };
  };
  /**
   * Background work a success started (screening) is done when the audit trail has moved on past
   * the command's own event and then been still for a while.
   */
  // Appeals and requests to reopen (issue 16): a letter received about a decision, registered by a caseworker.
  const letter = (p: { decisionId?: string }, grounds: string) => ({ decisionId: p.decisionId, receivedOn: t.clock.now().toISOString().slice(0, 10), from: 'The applicant', grounds });
  const reconsiderations = (caseId: string) => get(`/v1/cases/${caseId}/decisions`, 'caseworker').then((r) => r.body.reconsiderations);
  /** A target on a freshly decided case: each accepted request opens the one reconsideration a decision may have. */
  const onNewDecision = (body: (p: Params) => unknown): Target => ({
    actor: 'caseworker',
    object: async () => {
      const c = await w.decided('A');
      return { id: c.id, decisionId: c.decisionId };
    },
    consumes: true,
    refreshes: 1,
    body,
    view: (p) => reconsiderations(p.id),
  });
  /**
   * A target on an open appeal or request to reopen (`kind` the case's sub-resource), registered on a freshly decided case.
   * The decision is Region Midtjylland's own (the collaborative part): `maintained` has the controller maintain it first, as
   * it must before the contact point forwards an appeal.
   */
  const onOpenReconsideration = (kind: 'appeals' | 'reopening-requests', grounds: string, body: () => unknown, actor: Person = 'caseworker', maintained = false): Target => ({
    actor,
    object: async () => {
      const c = await w.decided('A');
      const opened = await w.post(`/v1/cases/${c.id}/${kind}`, w.tokens.caseworker, letter(c, grounds)).expect(201);
      if (maintained) await w.post(`/v1/appeals/${opened.body.id}/controller-maintains`, w.tokens.controller, { statement: 'The decision stands.' }).expect(200);
      return { id: opened.body.id, caseId: c.id };
    },
    consumes: true,
    refreshes: 1,
    body,
    view: (p) => reconsiderations(p.caseId),
  });

  const afterJob = async () => {
    const start = await auditHead();
    let last = start;
    let stillSince = Date.now();
    for (const until = Date.now() + 30000; Date.now() < until; ) {
      await new Promise((r) => setTimeout(r, 100));
      const head = await auditHead();
      if (head !== last) [last, stillSince] = [head, Date.now()];
      else if (last !== start && Date.now() - stillSince >= 500) return;
    }
  };
  const newDraftOn = async (c: CaseObject) => (await w.post(`/v1/cases/${c.id}/sub-cases/${c.lpr}/decision-drafts`, w.tokens.caseworker, DRAFT).expect(201)).body.id as string;
  const openMatter = async (c: CaseObject) =>
    (await w.post(`/v1/cases/${c.id}/legal-matters`, w.tokens.caseworker, { subCaseId: c.lpr, kind: 'controller_roles', description: { da: 'Dataansvar', en: 'Controller roles' }, blocking: false }).expect(201)).body.id as string;
  const askRegion = async (c: CaseObject) =>
    (await w.post(`/v1/cases/${c.id}/consultations`, w.tokens.caseworker, { advisorRegion: 'region-midtjylland', question: 'Is the cohort feasible?', deadline: inDays(10) }).expect(201)).body.id as string;

  let TARGETS: Record<string, Target>;

  function targets(): Record<string, Target> {
    const application = (params: Params) => get(`/v1/applications/${params.id}`, 'researcher').then((r) => r.body);
    const onCaseA = async () => ({ id: caseA.id });
    const draftFor = (c: () => Promise<CaseObject>) => async () => {
      const k = await c();
      return { id: await newDraftOn(k), caseId: k.id };
    };
    let issueCase: CaseObject | undefined;
    let staffAdded = 0;
    let returnCase: CaseObject | undefined;
    return {
      'POST /v1/applications': { actor: 'researcher', view: async () => (await get('/v1/applications?limit=100', 'researcher')).body.items.length },
      'POST /v1/statistics-requests': { actor: 'researcher', view: async () => (await get('/v1/applications?limit=100', 'researcher')).body.items.length },
      'PATCH /v1/applications/{id}': { actor: 'researcher', object: async () => ({ id: await w.draft('A') }), view: application },
      'POST /v1/applications/{id}/check': { actor: 'researcher', object: async () => ({ id: await w.draft('A') }), view: application },
      'POST /v1/applications/{id}/submit': {
        actor: 'researcher',
        object: async () => ({ id: await w.draft('A') }),
        consumes: true,
        refreshes: 20,
        view: application,
        settles: afterJob,
      },
      'POST /v1/applications/{id}/withdraw': { actor: 'researcher', object: async () => ({ id: await w.draft('A') }), consumes: true, refreshes: 20, body: () => ({ reason: 'The project lost its funding.' }), view: application },
      'POST /v1/applications/{id}/resubmit': {
        actor: 'researcher',
        object: async () => {
          const c = await w.awaitingApplicant('A');
          return { id: c.applicationId, caseId: c.id };
        },
        consumes: true,
        refreshes: 2,
        body: () => ({ answers: ['About 40,000 patients.'] }),
        view: async (p) => (await caseView(p.caseId)()).body,
        settles: afterJob,
      },
      'POST /v1/cases/{id}/claim': { actor: 'caseworker', object: onCaseA, view: (p) => caseView(p.id)() },
      'POST /v1/cases/{id}/release': { actor: 'caseworker', object: onCaseA, view: (p) => caseView(p.id)() },
      'POST /v1/cases/{id}/assign': { actor: 'caseworker', object: onCaseA, body: () => ({ assignee: 'cw-1' }), view: (p) => caseView(p.id)() },
      'POST /v1/cases/{id}/rescreen': { actor: 'caseworker', object: onCaseA, view: (p) => caseView(p.id)(), settles: afterJob },
      'POST /v1/cases/{id}/notes': { actor: 'caseworker', object: onCaseA, body: () => ({ visibility: 'internal' }), view: async (p) => (await get(`/v1/cases/${p.id}/notes`, 'caseworker')).body },
      // Pre-screening (issue 16): sharing with a region is idempotent; the advisor comments on a draft shared with its region.
      'POST /v1/applications/{id}/pre-screening/shares': {
        actor: 'researcher',
        object: async () => ({ id: await w.draft('A') }),
        body: () => ({ region: 'region-midtjylland' }),
        view: async (p) => (await get(`/v1/applications/${p.id}/pre-screening`, 'researcher')).body,
      },
      'POST /v1/applications/{id}/pre-screening/comments': {
        actor: 'advisor',
        object: async () => ({ id: await w.sharedDraft('A') }),
        view: async (p) => (await get(`/v1/applications/${p.id}/pre-screening`, 'researcher')).body,
      },
      // The team (issue 16): a new address each time, so a valid invitation is made rather than renewed.
      'POST /v1/applications/{id}/team': {
        actor: 'researcher',
        object: async () => ({ id: await w.draft('A') }),
        body: () => ({ email: `anna.berg.${++staffAdded}@sdu.dk`, teamRole: 'co_applicant' }),
        view: async (p) => (await get(`/v1/applications/${p.id}/team`, 'researcher')).body,
      },
      'POST /v1/team-invitations/{id}/accept': {
        actor: 'researcher',
        object: async () => ({ id: await w.invitation('B', 'mette.jensen@au.dk') }),
        view: async () => (await get('/v1/me/team-invitations', 'researcher')).body,
      },
      // Attachments (issue 16): the form field `kind` beside a small PDF; a refused upload leaves the list as it was.
      'POST /v1/cases/{id}/attachments': { actor: 'caseworker', object: onCaseA, multipart: true, body: () => ({ kind: 'legal_opinion' }), view: async (p) => (await get(`/v1/cases/${p.id}/attachments`, 'caseworker')).body },
      'POST /v1/applications/{id}/attachments': {
        actor: 'researcher',
        object: async () => ({ id: await w.draft('A') }),
        multipart: true,
        body: () => ({ kind: 'protocol' }),
        view: async (p) => (await get(`/v1/applications/${p.id}/attachments`, 'researcher')).body,
      },
      'POST /v1/cases/{id}/legal-matters': {
        actor: 'caseworker',
        object: async () => ({ id: caseA.id, lpr: caseA.lpr }),
        body: (p) => ({ subCaseId: p.lpr, kind: 'data_processing_agreement', description: { da: 'Databehandleraftale', en: 'Data processing agreement' }, blocking: false }),
        view: (p) => caseView(p.id)(),
      },
      'POST /v1/cases/{id}/legal-matters/{matterId}/resolve': {
        actor: 'caseworker',
        object: async () => ({ id: caseA.id, matterId: await openMatter(caseA) }),
        consumes: true,
        refreshes: 50,
        view: (p) => caseView(p.id)(),
      },
      'POST /v1/cases/{id}/clock/extensions': { actor: 'caseworker', object: onCaseA, body: () => ({ reason: 'The regions need more time to answer.' }), view: (p) => caseView(p.id)() },
      'POST /v1/cases/{id}/consultations': {
        actor: 'caseworker',
        object: onCaseA,
        // The operation's example names a sub-case of its own: the question here is about case A's EPJ part.
        body: () => ({ advisorRegion: 'region-syddanmark', subCaseId: caseA.epj, deadline: inDays(10) }),
        view: (p) => caseView(p.id)(),
      },
      'POST /v1/consultations/{id}/answer': {
        actor: 'advisor',
        object: async () => ({ id: await askRegion(caseA), caseId: caseA.id }),
        consumes: true,
        refreshes: 50,
        view: (p) => caseView(p.caseId)(),
      },
      'POST /v1/cases/{id}/supplement-requests': {
        actor: 'caseworker',
        object: async () => ({ id: (await w.screenedCase('A')).id }),
        consumes: true,
        refreshes: 2,
        view: (p) => caseView(p.id)(),
      },
      'POST /v1/cases/{id}/sub-cases/{subCaseId}/decision-drafts': {
        actor: 'caseworker',
        // After an accepted draft: the legal approver returns it, so the part is in review and can be drafted again.
        object: async (accepted) => {
          if (accepted?.body.id) await w.post(`/v1/decision-drafts/${accepted.body.id}/return`, w.tokens.legal_approver, { reason: 'Returned by the fuzzing.' }).expect(204);
          return { id: caseA.id, subCaseId: caseA.lpr };
        },
        consumes: true,
        refreshes: 50,
        body: () => DRAFT,
        view: (p) => caseView(p.id)(),
      },
      // Access to files (aktindsigt): an export changes nothing but the audit trail; a refusal not even that.
      'POST /v1/cases/{id}/access-to-files': {
        actor: 'caseworker',
        object: onCaseA,
        body: () => ({ basis: 'public', requester: 'Jens Hansen, journalist', withheld: [] }),
        view: (p) => caseView(p.id)(),
      },
      // Partshøring (forvaltningsloven § 19): one open hearing per part, so a success uses the part up.
      'POST /v1/cases/{id}/sub-cases/{subCaseId}/hearings': {
        actor: 'caseworker',
        object: async () => {
          const c = await w.screenedCase('A');
          return { id: c.id, subCaseId: c.lpr };
        },
        consumes: true,
        refreshes: 3,
        body: () => ({ draftGrounds: 'The register holds the requested variable only from 2019; the part would be refused for 2015–2018.', answerDays: 14 }),
        view: (p) => caseView(p.id)(),
      },
      // The applicant answers once: a fresh hearing after each accepted answer.
      'POST /v1/hearings/{id}/answer': {
        actor: 'researcher',
        object: async () => {
          const c = await w.screenedCase('A');
          const hearing = await w
            .post(`/v1/cases/${c.id}/sub-cases/${c.lpr}/hearings`, w.tokens.caseworker, { draftGrounds: 'The register holds the requested variable only from 2019.' })
            .expect(201);
          return { id: hearing.body.id, caseId: c.id };
        },
        consumes: true,
        refreshes: 3,
        body: () => ({ answer: 'The variable exists from 2015 in the register’s older version; we ask that the period be kept.' }),
        view: (p) => caseView(p.caseId)(),
      },
      'POST /v1/decision-drafts/{id}/return': {
        actor: 'legal_approver',
        object: draftFor(async () => (returnCase ??= await w.screenedCase('A'))),
        consumes: true,
        refreshes: 50,
        view: (p) => caseView(p.caseId)(),
      },
      'POST /v1/decision-drafts/{id}/issue': {
        actor: 'legal_approver',
        // A correcting draft on a decided part is a draft like any other (it supersedes): drafted again on the same case.
        object: draftFor(async () => (issueCase ??= await w.screenedCase('A'))),
        consumes: true,
        refreshes: 50,
        view: (p) => caseView(p.caseId)(),
      },
      'POST /v1/cases/{id}/sub-cases/{subCaseId}/recommendations': {
        actor: 'caseworker',
        object: async () => {
          const c = await w.screenedCase('A');
          return { id: c.id, subCaseId: c.epj };
        },
        consumes: true,
        refreshes: 2,
        body: () => RECOMMENDATION,
        view: (p) => caseView(p.id)(),
      },
      'POST /v1/cases/{id}/sub-cases/{subCaseId}/controller-decision': {
        actor: 'controller',
        object: async () => {
          const c = await w.awaitingController('A');
          return { id: c.id, subCaseId: c.epj };
        },
        consumes: true,
        refreshes: 2,
        body: () => CONTROLLER_DECISION,
        view: (p) => caseView(p.id)(),
      },
      'POST /v1/permits/{id}/revoke': {
        actor: 'legal_approver',
        object: async () => ({ id: (await w.decided('A')).permitId }),
        consumes: true,
        refreshes: 1,
        // No hearing of the holder is held here: the urgent case (forvaltningsloven § 19, stk. 2) revokes at once.
        body: () => ({ urgencyReason: 'Data are being disclosed to a third party now.' }),
        view: async (p) => (await get(`/v1/permits/${p.id}`, 'legal_approver')).body,
      },
      // Issue 16: the holder heard before a revocation (one hearing at a time: a new permit after each).
      'POST /v1/permits/{id}/hearings': {
        actor: 'legal_approver',
        object: async () => ({ id: (await w.decided('A')).permitId }),
        consumes: true,
        refreshes: 1,
        body: () => ({ grounds: 'Tables with fewer than five persons per cell were published.', answerDays: 28 }),
        view: async (p) => (await get(`/v1/permits/${p.id}`, 'legal_approver')).body,
      },
      // One open appeal and one open request per decision: a new decided case after each accepted one.
      'POST /v1/cases/{id}/appeals': onNewDecision((p) => letter(p, 'The conditions are too strict.')),
      'POST /v1/cases/{id}/reopening-requests': onNewDecision((p) => letter(p, 'A new ethics approval.')),
      'POST /v1/appeals/{id}/forward': onOpenReconsideration('appeals', 'Too strict.', () => ({ statement: 'The decision is maintained.' }), 'caseworker', true),
      'POST /v1/appeals/{id}/controller-maintains': onOpenReconsideration('appeals', 'Too strict.', () => ({ statement: 'The decision stands.' }), 'controller'),
      // The applicant withdraws an invitation to the team of a draft (a new one after each success).
      'DELETE /v1/applications/{id}/team/{memberId}': {
        actor: 'researcher',
        object: async () => w.teamInvitation('A'),
        consumes: true,
        refreshes: 1,
        view: async (p) => (await get(`/v1/applications/${p.id}/team`, 'researcher')).body,
      },
      'POST /v1/reopening-requests/{id}/decision': onOpenReconsideration('reopening-requests', 'New facts.', () => ({ reopen: false, reasons: 'No new facts of weight.' })),
      // The legal approver holds no open case the fuzzing needs: hand hers to the caseworker (nothing, or what she claimed).
      'POST /v1/admin/staff/{sub}/reassign-cases': {
        actor: 'admin',
        object: async () => ({ sub: 'la-1' }),
        body: () => ({ to: 'cw-1' }),
        view: async () => (await get('/v1/queues/mine?limit=100', 'caseworker')).body,
      },
      // Absence: marking present again changes nothing other targets rely on (after the reassignment to cw-1, which an absence would refuse).
      'PUT /v1/staff/{sub}/absence': {
        actor: 'admin',
        object: async () => ({ sub: 'cw-1' }),
        body: () => ({ absent: false }),
        view: async () => (await get('/v1/admin/staff?limit=100', 'admin')).body,
      },
      // The permit's holder drafts an amendment (issue 15): no body, each valid request a new draft.
      'POST /v1/permits/{id}/amendments': {
        actor: 'researcher',
        object: async () => ({ id: (await w.decided('A')).permitId }),
        view: async (p) => (await get(`/v1/permits/${p.id}`, 'researcher')).body,
      },
      // The permit's holder asks for a longer period (issue 15): each valid request opens an extension case.
      'POST /v1/permits/{id}/extensions': {
        actor: 'researcher',
        object: async () => ({ id: (await w.decided('A')).permitId }),
        body: () => ({ projectPeriodEnd: '2039-12-31', reason: 'Recruitment was slower than planned.' }),
        view: async (p) => (await get(`/v1/permits/${p.id}`, 'researcher')).body,
        // The extension case is screened by a job, which appends to the audit trail after the answer.
        settles: afterJob,
      },
      // Region Midtjylland's delivery staff accept the order a new permit sent them (another order once, then 409 on the accepted one).
      'POST /v1/delivery-orders/{id}/status': {
        actor: 'data_holder',
        object: async () => ({ id: (await w.decided('A')).deliveryOrderId }),
        consumes: true,
        refreshes: 1,
        body: () => ({ status: 'accepted' }),
        view: async (p) => (await get(`/v1/delivery-orders/${p.id}`, 'data_holder')).body,
      },
      'POST /v1/me/notifications/{id}/read': {
        actor: 'advisor',
        object: async () => ({ id: await w.advisorNotice('A', caseA.number) }),
        view: async () => (await get('/v1/me/notifications?limit=100', 'advisor')).body,
      },
      'PUT /v1/me/conflicts': {
        actor: 'controller',
        body: () => ({ organisations: [{ cvr: '29979812', reason: 'I supervise a PhD student there.' }] }),
        view: async () => (await get('/v1/me/conflicts', 'controller')).body,
      },
      'PUT /v1/admin/data-sources/{id}/authority': {
        actor: 'admin',
        object: async () => ({ id: 'rkkp-dap' }),
        body: () => ({ track: 'central', decidingAuthority: 'Sundhedsdatastyrelsen', reason: 'Confirmed by the annual review.' }),
        view: async () => (await request(t.server).get('/v1/data-sources/rkkp-dap')).body,
      },
      'POST /v1/admin/rule-sets/reload': { actor: 'admin' },
      'POST /v1/admin/rule-sets/dry-run': { actor: 'admin', body: () => ({ lawDate: '2029-03-26' }) },
      'PATCH /v1/admin/staff/{sub}': {
        actor: 'admin',
        object: async () => ({ sub: 'adv-rh' }),
        body: () => ({ language: 'en' }),
        view: async () => (await get('/v1/admin/staff?limit=100', 'admin')).body,
      },
      // A new address for every input, so a valid one is added rather than refused as a duplicate (409 staff-member-exists).
      'POST /v1/admin/staff': {
        actor: 'admin',
        // The operation's example (an advisor of Region Midtjylland) at a new address.
        body: () => ({ email: `anders.moller.${++staffAdded}@rm.dk` }),
        view: async () => (await get('/v1/admin/staff?limit=100', 'admin')).body,
      },
      'POST /v1/dev/sign-in': { actor: 'admin', body: () => ({ sub: DEV_PERSONA_SUBJECTS[0] }) },
    };
  }

  async function auditHead(): Promise<string> {
    const rows = (await db.query('SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1')).rows;
    return rows.length ? `${rows[0].seq}:${rows[0].hash}` : 'empty';
  }

  /** The unchanged body: the operation's example, else the schema's required fields completed by the route. */
  function validBody(route: string, params: Params): unknown {
    const target = TARGETS[route];
    // The development sign-in is kept out of the document: its body is the route's own.
    const schema = route === 'POST /v1/dev/sign-in' ? undefined : bodySchema(doc, route);
    const example = schema ? exampleBody(doc, route) : undefined;
    if (example !== undefined) return deepMerge(example, target.body?.(params));
    if (schema) return deepMerge(fromSchema(doc, schema), target.body?.(params));
    return target.body?.(params);
  }

  function send(route: string, actor: Person, params: Params, body: string | undefined, headers: Record<string, string> = {}) {
    const [method, template] = route.split(' ');
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeSegment(params[name]));
    let req = request(t.server)[method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete'](path).set(bearer(w.tokens[actor]));
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
    if (TARGETS[route]?.multipart) {
      let fields: unknown;
      try {
        fields = body === undefined ? {} : JSON.parse(body);
      } catch {
        return req.set('Content-Type', 'multipart/form-data; boundary=fuzz').send(body ?? '');
      }
      if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return req.set('Content-Type', 'multipart/form-data; boundary=fuzz').send(String(body));
      for (const [name, value] of Object.entries(fields)) req = req.field(name, asFieldText(value));
      return req.attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'fuzz.pdf');
    }
    if (body === undefined) return req;
    return req.set('Content-Type', 'application/json').send(body);
  }

  beforeAll(async () => {
    t = await startTestApp('fuzz');
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    w = new World(t);
    await w.signIn();
    doc = (await request(t.server).get('/openapi.json').expect(200)).body;
    caseA = await w.screenedCase('A');
    TARGETS = targets();
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  it('has a fuzz target for every write route of /openapi.json', () => {
    expect(writeRoutes(doc).filter((r) => !TARGETS[r])).toEqual([]);
  });

  it(`sends ${RUNS} hostile inputs to every write route: 2xx or 4xx problem+json, never 5xx, and a refusal changes nothing (seed ${SEED})`, async () => {
    const routes = Object.keys(TARGETS);
    for (const [index, route] of routes.entries()) {
      const started = Date.now();
      const target = TARGETS[route];
      const tally = (counts[route] = { inputs: 0, accepted: 0, refused: 0 });
      let params: Params = (await target.object?.()) ?? {};
      let refreshes = target.refreshes ?? 0;
      /** The object's view and the audit head as last read, while no input has been accepted since. */
      let known: { view: string; head: string } | undefined;
      const schema = route === 'POST /v1/dev/sign-in' ? undefined : bodySchema(doc, route);
      const pathParams = [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const fields = [
        ...(schema ? fieldPaths(doc, schema).map((f) => `body:${f}`) : []),
        ...pathParams.map((p) => `path:${p}`),
        'header:If-Match',
        'header:Idempotency-Key',
        'body:+__proto__',
        'body:+constructor',
        'body:',
      ];

      const attempt = async (field: string, hostile: Hostile | null) => {
        const body = validBody(route, params);
        const [where, name] = [field.slice(0, field.indexOf(':')), field.slice(field.indexOf(':') + 1)];
        let text = body === undefined ? undefined : JSON.stringify(body);
        const at = { ...params };
        const headers: Record<string, string> = {};
        if (hostile) {
          if (where === 'body') text = bodyWith(body, name, hostile);
          // Characters a header cannot carry are refused by the HTTP client before they are sent; the rest go.
          if (where === 'header') headers[name] = hostileText(hostile).replace(/[^\t\x20-\x7e\x80-\xff]/g, '?');
          if (where === 'path') at[name] = hostileText(hostile);
        }
        // Reading a case as staff is itself audited: the head is read after the view.
        if (!known) known = { view: JSON.stringify(stable(await target.view?.(params))), head: await auditHead() };
        const before = known;
        const res = await send(route, target.actor, at, text, headers);
        tally.inputs++;
        const label = `${route} with ${field} = ${hostile ? hostile.kind : 'the valid request'} (seed ${SEED + index})`;
        if (res.status >= 500) throw new Error(`${label}: ${res.status} ${JSON.stringify(res.body)}`);
        if (res.status >= 400) {
          tally.refused++;
          if (!/^application\/problem\+json/.test(res.headers['content-type'] ?? '')) throw new Error(`${label}: ${res.status} without problem+json`);
          const after = { head: await auditHead(), view: JSON.stringify(stable(await target.view?.(params))) };
          if (after.head !== before.head) throw new Error(`${label}: refused with ${res.status} but the audit trail moved on`);
          if (after.view !== before.view) throw new Error(`${label}: refused with ${res.status} but the object changed:\n${before.view}\n${after.view}`);
          // Unchanged: the next input starts from the same view, and the head after this read.
          known = { view: after.view, head: await auditHead() };
          return res.status;
        }
        tally.accepted++;
        known = undefined;
        await target.settles?.();
        if (target.consumes && refreshes > 0) {
          refreshes--;
          params = (await target.object!(res)) ?? {};
        }
        return res.status;
      };

      // The valid request first: it must get through, so what follows tests the fields, not a broken base.
      const status = await attempt('body:', null);
      if (status >= 300) throw new Error(`${route}: the valid request was refused with ${status}`);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...fields), hostileValue(), async (field, hostile) => {
          await attempt(field, hostile);
        }),
        { seed: SEED + index, numRuns: RUNS - 1, endOnFailure: true },
      );
      if (process.env.FUZZ_TIMINGS) console.log(`${route}: ${tally.inputs} inputs, ${tally.accepted} accepted, ${Date.now() - started} ms`);
    }
    for (const [route, tally] of Object.entries(counts)) expect([route, tally.inputs >= 50]).toEqual([route, true]);
  });

  it('writes the figures in docs/security.md', () => {
    const inputs = Object.values(counts).reduce((n, c) => n + c.inputs, 0);
    expect(inputs).toBeGreaterThanOrEqual(2000);
    const file = join(__dirname, '../../docs/security.md');
    const block = [
      `- **Fuzzing** (\`test/security/fuzz.heavy-spec.ts\`, fast-check, seed ${SEED}): ${Object.keys(counts).length} write routes (every one in /openapi.json, and the development sign-in), ` +
        `at least ${RUNS} inputs each, ${inputs} in all, each a valid request with one field, path parameter or header made hostile; ` +
        `0 5xx, every refusal problem+json, and no refusal changed the object or the audit trail.`,
    ].join('\n');
    const security = replaceBlock(readFileSync(file, 'utf8'), 'fuzzing figures', block);
    if (process.env.UPDATE_FUZZ_DOC === '1') writeFileSync(file, security);
    expect(readFileSync(file, 'utf8')).toBe(security);
  });
});
