import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DEV_PERSONA_SUBJECTS } from '../../apps/api/src/auth/dev-personas';
import { startTestApp, TestApp } from '../support/app';
import { bearer } from '../support/applications';
import { ACCESS_MATRIX, Caller, CALLERS, Cell, ObjectCells, renderCell } from './access-matrix';
import { replaceBlock } from './support/doc-blocks';
import { appRoutes, openApiRoutes } from './support/routes';
import { CaseObject, CONTROLLER_DECISION, DecidedCase, DRAFT, NONEXISTENT_UUID, RECOMMENDATION, World } from './support/world';

/**
 * Issue 13, the attack suite: every route × every caller × own object / another party's /
 * nonexistent, against the expectations written by hand in ./access-matrix.ts, on real objects
 * made through the API. Any 2xx where the table refuses fails; so does a refusal where it allows,
 * a 5xx, or a route of the app the table does not name. Renders docs/access-matrix.md and the
 * matrix figures in docs/security.md (`UPDATE_ACCESS_MATRIX_DOC=1` rewrites them; otherwise they
 * must match).
 */
jest.setTimeout(15 * 60 * 1000);

type Kind = 'own' | 'other' | 'none';
type Params = Record<string, string>;

/** How to reach a route's objects and what a valid request carries (so a refusal is about access, never about the input). */
interface RouteCase {
  /** own and other objects; made when the route's turn comes, so earlier routes' commands do not use them up. */
  objects?: () => Promise<{ own: Params; other: Params | null }>;
  /** Path parameters of an object nobody made. */
  none?: Params;
  body?: (params: Params, kind: Kind) => object;
  /** A multipart upload instead of a JSON body: the form field `kind` (by the caller's role) and a small PDF as `file`. */
  upload?: (caller: Caller) => string;
}

const inDays = (t: TestApp, days: number) => new Date(t.clock.now().getTime() + days * 24 * 3600 * 1000).toISOString();

describe('access matrix: every route × every role × own / another party’s / nonexistent object (e2e)', () => {
  let t: TestApp;
  let w: World;
  let caseA: CaseObject, caseB: CaseObject, decA: DecidedCase, decB: DecidedCase;
  let appA: string, appB: string;
  /** Cases with a draft returned by the `return` route: the `issue` route drafts on them again. */
  let returned: { A: CaseObject; B: CaseObject } | undefined;
  let supplemented: { A: CaseObject; B: CaseObject } | undefined;
  let staffAdded = 0;
  const results: { route: string; caller: Caller; kind: Kind | null; expected: Cell; status: number }[] = [];

  const pair = (a: Params, b: Params | null) => async () => ({ own: a, other: b });
  const cases = (pick: (c: CaseObject) => Params) => async () => ({ own: pick(caseA), other: pick(caseB) });

  const ROUTES: Record<string, RouteCase> = {
    'GET /docs/problems/{type}': { objects: pair({ type: 'validation' }, null), none: { type: 'no-such-problem' } },
    'GET /v1/data-sources/{id}': { objects: pair({ id: 'lpr' }, null), none: { id: 'no-such-source' } },
    'POST /v1/dev/sign-in': { body: () => ({ sub: DEV_PERSONA_SUBJECTS[0] }) },
    'POST /v1/me/notifications/{id}/read': { objects: async () => ({ own: { id: await w.advisorNotice('A', caseA.number) }, other: { id: await w.advisorNotice('B', caseB.number) } }) },
    'PUT /v1/me/conflicts': { body: () => ({ organisations: [] }) },
    'POST /v1/applications': { body: () => w.application('A') },
    'POST /v1/statistics-requests': { body: () => w.application('A') },
    'GET /v1/applications/{id}': { objects: async () => ({ own: { id: appA }, other: { id: appB } }) },
    'PATCH /v1/applications/{id}': { objects: async () => ({ own: { id: appA }, other: { id: appB } }), body: () => ({ title: 'Long-term outcomes after stroke, revised' }) },
    'POST /v1/applications/{id}/check': { objects: async () => ({ own: { id: appA }, other: { id: appB } }) },
    'POST /v1/applications/{id}/submit': { objects: async () => ({ own: { id: await w.draft('A') }, other: { id: await w.draft('B') } }) },
    'POST /v1/applications/{id}/withdraw': { objects: async () => ({ own: { id: await w.draft('A') }, other: { id: await w.draft('B') } }), body: () => ({ reason: 'The project lost its funding.' }) },
    'GET /v1/cases/{id}': { objects: cases((c) => ({ id: c.id })) },
    'GET /v1/cases/{id}/audit': { objects: cases((c) => ({ id: c.id })) },
    'GET /v1/cases/{id}/notes': { objects: cases((c) => ({ id: c.id })) },
    'GET /v1/cases/{id}/attachments': { objects: cases((c) => ({ id: c.id })) },
    'GET /v1/applications/{id}/attachments': { objects: async () => ({ own: { id: appA }, other: { id: appB } }) },
    'POST /v1/applications/{id}/attachments': { objects: async () => ({ own: { id: appA }, other: { id: appB } }), upload: () => 'protocol' },
    'POST /v1/cases/{id}/attachments': { objects: cases((c) => ({ id: c.id })), upload: (caller) => (caller === 'researcher' ? 'contract' : 'legal_opinion') },
    'POST /v1/applications/{id}/pre-screening/shares': { objects: async () => ({ own: { id: appA }, other: { id: appB } }), body: () => ({ region: 'region-syddanmark', message: 'Is the cohort definable in your records?' }) },
    'GET /v1/applications/{id}/pre-screening': { objects: async () => ({ own: { id: await w.sharedDraft('A') }, other: { id: await w.sharedDraft('B') } }) },
    'POST /v1/applications/{id}/pre-screening/comments': { objects: async () => ({ own: { id: await w.sharedDraft('A') }, other: { id: await w.sharedDraft('B') } }), body: () => ({ text: 'Name the ICD-10 codes in the data request.' }) },
    'POST /v1/applications/{id}/team': { objects: async () => ({ own: { id: appA }, other: { id: appB } }), body: () => ({ email: 'anna.berg@sdu.dk', name: 'Anna Berg', teamRole: 'co_applicant' }) },
    'GET /v1/applications/{id}/team': { objects: async () => ({ own: { id: appA }, other: { id: appB } }) },
    'DELETE /v1/applications/{id}/team/{memberId}': { objects: async () => ({ own: await w.teamInvitation('A'), other: await w.teamInvitation('B') }) },
    // Own: researcher B invites researcher A's address; another party's: an invitation to someone else's address.
    'POST /v1/team-invitations/{id}/accept': { objects: async () => ({ own: { id: await w.invitation('B', 'mette.jensen@au.dk') }, other: { id: await w.invitation('B', 'lars.holm@ku.dk') } }) },
    'GET /v1/attachments/{attachmentId}/content': { objects: async () => ({ own: { attachmentId: await w.attachment('A', caseA.id) }, other: { attachmentId: await w.attachment('B', caseB.id) } }) },
    'GET /v1/cases/{id}/waiting-history': { objects: cases((c) => ({ id: c.id })) },
    'GET /v1/cases/{id}/journal': { objects: cases((c) => ({ id: c.id })) },
    'GET /v1/cases/{id}/access-to-files/documents': { objects: cases((c) => ({ id: c.id })) },
    'POST /v1/cases/{id}/access-to-files': { objects: cases((c) => ({ id: c.id })), body: () => ({ basis: 'public', requester: 'Jens Hansen, journalist', withheld: [] }) },
    'GET /v1/cases/{id}/supplement-requests': { objects: cases((c) => ({ id: c.id })) },
    // Decisions and permits: Region Midtjylland's decision on researcher A's case, Region Hovedstaden's on B's.
    'GET /v1/cases/{id}/decisions': { objects: async () => ({ own: { id: decA.id }, other: { id: decB.id } }) },
    'GET /v1/decisions/{id}': { objects: async () => ({ own: { id: decA.decisionId }, other: { id: decB.decisionId } }) },
    'GET /v1/decisions/{id}/explanation': { objects: async () => ({ own: { id: decA.decisionId }, other: { id: decB.decisionId } }) },
    'GET /v1/permits/{id}': { objects: async () => ({ own: { id: decA.permitId }, other: { id: decB.permitId } }) },
    'GET /v1/decisions/{id}/letter.pdf': { objects: async () => ({ own: { id: decA.decisionId }, other: { id: decB.decisionId } }) },
    'GET /v1/permits/{id}/document.pdf': { objects: async () => ({ own: { id: decA.permitId }, other: { id: decB.permitId } }) },
    // The order to Region Midtjylland on researcher A's permit (to the SDS research machine); to Region Hovedstaden on B's (to Danmarks Statistik's).
    'GET /v1/delivery-orders/{id}': { objects: async () => ({ own: { id: decA.deliveryOrderId }, other: { id: decB.deliveryOrderId } }) },
    'GET /v1/cases/{id}/delivery-orders': { objects: async () => ({ own: { id: decA.id }, other: { id: decB.id } }) },
    // The holder accepts the order it was sent; the operator may report nothing on an order not yet extracted (409, a state refusal, not an access one).
    'POST /v1/delivery-orders/{id}/status': { objects: async () => ({ own: { id: decA.deliveryOrderId }, other: { id: decB.deliveryOrderId } }), body: () => ({ status: 'accepted' }) },
    'GET /v1/queues/{queue}': { objects: undefined },
    'POST /v1/cases/{id}/claim': { objects: cases((c) => ({ id: c.id })) },
    'POST /v1/cases/{id}/release': { objects: cases((c) => ({ id: c.id })) },
    'POST /v1/cases/{id}/assign': { objects: cases((c) => ({ id: c.id })), body: () => ({ assignee: 'cw-1' }) },
    'POST /v1/cases/{id}/notes': { objects: cases((c) => ({ id: c.id })), body: () => ({ text: 'Checked the ethics approval against the VEK register.', visibility: 'internal' }) },
    'POST /v1/cases/{id}/legal-matters': {
      objects: cases((c) => ({ id: c.id, lpr: c.lpr })),
      // Not blocking: the decision routes below still run on these cases.
      body: (p, kind) => ({
        subCaseId: kind === 'none' ? NONEXISTENT_UUID : p.lpr,
        kind: 'data_processing_agreement',
        description: { da: 'Databehandleraftale med forskningsmaskinens drift', en: 'Data processing agreement with the research machine operator' },
        legalReference: 'GDPR art. 28',
        blocking: false,
      }),
    },
    'POST /v1/cases/{id}/legal-matters/{matterId}/resolve': {
      objects: async () => ({ own: { id: caseA.id, matterId: await openMatter(caseA) }, other: { id: caseB.id, matterId: await openMatter(caseB) } }),
      body: () => ({ documentReference: 'DBA-2026-17' }),
    },
    'POST /v1/cases/{id}/clock/extensions': { objects: cases((c) => ({ id: c.id })), body: () => ({ months: 1, reason: 'The regions need more time to answer the consultation.' }) },
    'POST /v1/cases/{id}/rescreen': { objects: cases((c) => ({ id: c.id })) },
    'POST /v1/cases/{id}/consultations': {
      objects: cases((c) => ({ id: c.id })),
      body: () => ({ advisorRegion: 'region-syddanmark', question: 'Is the population definition feasible in your records?', deadline: inDays(t, 10) }),
    },
    'POST /v1/consultations/{id}/answer': { objects: cases((c) => ({ id: c.consultationId })), body: () => ({ answer: 'The variables are recorded reliably since 2015.' }) },
    // Before the drafts below: a hearing goes out while no draft is pending on the part.
    'POST /v1/cases/{id}/sub-cases/{subCaseId}/hearings': {
      objects: cases((c) => ({ id: c.id, subCaseId: c.lpr })),
      body: () => ({ draftGrounds: 'The register holds the requested variable only from 2019; the part would be refused for 2015–2018.', answerDays: 14 }),
    },
    // The hearings sent above, as the caseworker finds them on each case.
    'POST /v1/hearings/{id}/answer': {
      objects: async () => {
        const hearingOf = async (c: CaseObject) => {
          const res = await request(t.server).get(`/v1/cases/${c.id}/decisions`).set('Authorization', `Bearer ${w.tokens.caseworker}`).expect(200);
          const hearing = res.body.hearings?.find((h: { subCaseId?: string; id?: string }) => h.id);
          if (!hearing) throw new Error(`no hearing on ${c.number}: ${JSON.stringify(res.body)}`);
          return hearing.id as string;
        };
        return { own: { id: await hearingOf(caseA) }, other: { id: await hearingOf(caseB) } };
      },
      body: () => ({ answer: 'The variable exists from 2015 in the register’s older version; we ask that the period be kept.' }),
    },
    'POST /v1/cases/{id}/sub-cases/{subCaseId}/decision-drafts': { objects: cases((c) => ({ id: c.id, subCaseId: c.lpr })), body: () => DRAFT },
    'POST /v1/cases/{id}/sub-cases/{subCaseId}/recommendations': { objects: cases((c) => ({ id: c.id, subCaseId: c.epj })), body: () => RECOMMENDATION },
    // After the recommendations above: both EPJ parts wait for their controller.
    'POST /v1/cases/{id}/sub-cases/{subCaseId}/controller-decision': { objects: cases((c) => ({ id: c.id, subCaseId: c.epj })), body: () => CONTROLLER_DECISION },
    'POST /v1/decision-drafts/{id}/return': {
      objects: async () => {
        const [a, b] = [await w.pendingDraft('A'), await w.pendingDraft('B')];
        returned = { A: a.case, B: b.case };
        return { own: { id: a.draftId }, other: { id: b.draftId } };
      },
      body: () => ({ reason: 'The reasoning must say why each variable is necessary.' }),
    },
    // On the cases whose drafts were returned: drafted again.
    'POST /v1/decision-drafts/{id}/issue': {
      objects: async () => {
        const redraft = async (c: CaseObject) => (await w.post(`/v1/cases/${c.id}/sub-cases/${c.lpr}/decision-drafts`, w.tokens.caseworker, DRAFT).expect(201)).body.id;
        return { own: { id: await redraft(returned!.A) }, other: { id: await redraft(returned!.B) } };
      },
    },
    'POST /v1/cases/{id}/supplement-requests': {
      objects: async () => {
        supplemented = { A: await w.screenedCase('A'), B: await w.screenedCase('B') };
        return { own: { id: supplemented.A.id }, other: { id: supplemented.B.id } };
      },
      body: () => ({ questions: ['How many patients does the cohort hold?'] }),
    },
    // After the requests for supplement above: both applications wait for their applicant.
    'POST /v1/applications/{id}/resubmit': {
      objects: async () => ({ own: { id: supplemented!.A.applicationId }, other: { id: supplemented!.B.applicationId } }),
      body: () => ({ answers: ['About 40,000 patients.'] }),
    },
    'POST /v1/permits/{id}/amendments': { objects: async () => ({ own: { id: decA.permitId }, other: { id: decB.permitId } }) },
    'POST /v1/permits/{id}/extensions': {
      objects: async () => ({ own: { id: decA.permitId }, other: { id: decB.permitId } }),
      body: () => ({ projectPeriodEnd: '2039-12-31', reason: 'Recruitment was slower than planned.' }),
    },
    'POST /v1/permits/{id}/revoke': {
      objects: async () => ({ own: { id: decA.permitId }, other: { id: decB.permitId } }),
      body: () => ({ reason: 'Data used outside the permit (EHDS art. 63)', urgencyReason: 'Data are being disclosed to a third party now.' }),
    },
    'PUT /v1/admin/data-sources/{id}/authority': {
      objects: pair({ id: 'lpr' }, null),
      none: { id: 'no-such-source' },
      // LPR's track and authority as they are: the change is recorded, and later cases route as before.
      body: () => ({ track: 'central', decidingAuthority: 'Sundhedsdatastyrelsen', reason: 'Confirmed unchanged by the annual review.' }),
    },
    'POST /v1/admin/rule-sets/dry-run': { body: () => ({ lawDate: '2029-03-26' }) },
    // A new address each time, so the admin's request is never refused as a duplicate.
    'POST /v1/dev/clock': { body: () => ({ advanceMs: 1 }) },
    'POST /v1/admin/staff': { body: () => ({ name: 'Anders Møller', email: `anders.moller.${++staffAdded}@rm.dk`, role: 'data_holder', organisation: '29190925' }) },
    'POST /v1/permits/{id}/hearings': {
      objects: async () => ({ own: { id: decA.permitId }, other: { id: decB.permitId } }),
      body: () => ({ grounds: 'Tables with fewer than five persons per cell were published.' }),
    },
    // Appeals and reopening on the side's decided case, against its region's decision.
    'POST /v1/cases/{id}/appeals': {
      objects: async () => ({ own: { id: decA.id }, other: { id: decB.id } }),
      body: (p) => ({ decisionId: p.id === decB.id ? decB.decisionId : decA.decisionId, receivedOn: t.clock.now().toISOString().slice(0, 10), from: 'The applicant', grounds: 'The conditions are too strict.' }),
    },
    // The appeal is against the region's own decision (the collaborative part): its controller maintains it before the contact point forwards.
    'POST /v1/appeals/{id}/controller-maintains': {
      objects: async () => ({ own: { id: await reconsideration(decA, 'appeal') }, other: { id: await reconsideration(decB, 'appeal') } }),
      body: () => ({ statement: 'The decision stands.' }),
    },
    'POST /v1/appeals/{id}/forward': { objects: async () => ({ own: { id: await reconsideration(decA, 'appeal') }, other: { id: await reconsideration(decB, 'appeal') } }), body: () => ({ statement: 'The decision is maintained.' }) },
    'POST /v1/cases/{id}/reopening-requests': {
      objects: async () => ({ own: { id: decA.id }, other: { id: decB.id } }),
      body: (p) => ({ decisionId: p.id === decB.id ? decB.decisionId : decA.decisionId, receivedOn: t.clock.now().toISOString().slice(0, 10), from: 'The applicant', grounds: 'A new ethics approval.' }),
    },
    'POST /v1/reopening-requests/{id}/decision': {
      objects: async () => ({ own: { id: await reconsideration(decA, 'reopening') }, other: { id: await reconsideration(decB, 'reopening') } }),
      body: () => ({ reopen: false, reasons: 'No new facts of weight.' }),
    },
    // Marking present changes nothing the later routes rely on (an absent caseworker could not be assigned).
    'PUT /v1/staff/{sub}/absence': { objects: pair({ sub: 'cw-1' }, { sub: 'la-1' }), none: { sub: 'nobody-here' }, body: () => ({ absent: false }) },
    'POST /v1/admin/staff/{sub}/reassign-cases': { objects: pair({ sub: 'cw-1' }, null), none: { sub: 'nobody-here' }, body: () => ({ to: 'la-1' }) },
    'PATCH /v1/admin/staff/{sub}': { objects: pair({ sub: 'cw-1' }, null), none: { sub: 'nobody-here' }, body: () => ({ language: 'da' }) },
  };

  /**
   * Reads and the commands that change no state first, in the table's order; then the commands that
   * move a case on, in this order, since some work on the objects an earlier one left (a controller
   * decides what was recommended, a researcher answers what was asked).
   */
  const STATEFUL = [
    'POST /v1/cases/{id}/claim',
    'POST /v1/cases/{id}/release',
    'POST /v1/cases/{id}/assign',
    'POST /v1/cases/{id}/notes',
    'POST /v1/cases/{id}/legal-matters',
    'POST /v1/cases/{id}/legal-matters/{matterId}/resolve',
    'POST /v1/cases/{id}/clock/extensions',
    'POST /v1/cases/{id}/rescreen',
    'POST /v1/consultations/{id}/answer',
    'POST /v1/cases/{id}/consultations',
    'POST /v1/cases/{id}/sub-cases/{subCaseId}/hearings',
    'POST /v1/hearings/{id}/answer',
    'POST /v1/cases/{id}/sub-cases/{subCaseId}/decision-drafts',
    'POST /v1/cases/{id}/sub-cases/{subCaseId}/recommendations',
    'POST /v1/cases/{id}/sub-cases/{subCaseId}/controller-decision',
    'POST /v1/decision-drafts/{id}/return',
    'POST /v1/decision-drafts/{id}/issue',
    'POST /v1/cases/{id}/supplement-requests',
    'POST /v1/applications/{id}/resubmit',
    // Before the revocation: a permit is changed only while it runs.
    'POST /v1/permits/{id}/amendments',
    'POST /v1/permits/{id}/extensions',
    'POST /v1/permits/{id}/revoke',
    // Hands the caseworker's open cases to the legal approver: after every route that needs them held.
    'POST /v1/admin/staff/{sub}/reassign-cases',
    // Last: moving business time and running the sweeps must not age the objects above.
    'POST /v1/dev/clock',
    'POST /v1/dev/sweeps',
  ];
  const runOrder = () => [...Object.keys(ACCESS_MATRIX).filter((r) => !STATEFUL.includes(r)), ...STATEFUL];

  /** The appeal or reopening request registered on a decided case by the route before. */
  async function reconsideration(c: DecidedCase, kind: 'appeal' | 'reopening'): Promise<string> {
    const res = await request(t.server).get(`/v1/cases/${c.id}/decisions`).set('Authorization', `Bearer ${w.tokens.caseworker}`).expect(200);
    const found = (res.body.reconsiderations as { id: string; kind: string }[]).find((r) => r.kind === kind);
    if (!found) throw new Error(`no ${kind} on ${c.number}`);
    return found.id;
  }

  async function openMatter(c: CaseObject): Promise<string> {
    const res = await w
      .post(`/v1/cases/${c.id}/legal-matters`, w.tokens.caseworker, {
        subCaseId: c.lpr,
        kind: 'controller_roles',
        description: { da: 'Fordeling af dataansvar', en: 'Allocation of controller roles' },
        blocking: false,
      })
      .expect(201);
    return res.body.id;
  }

  /** Routes on an object: their path parameters. */
  const paramsOf = (route: string) => [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

  function send(route: string, caller: Caller, params: Params, body?: object, upload?: string) {
    const [method, template] = route.split(' ');
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? NONEXISTENT_UUID));
    const verb = (method === 'ANY' ? 'post' : method.toLowerCase()) as 'get' | 'post' | 'put' | 'patch' | 'delete';
    // Routes that need a query to answer at all.
    const fixedTargets: Record<string, string> = { 'GET /v1/queues/{queue}': '/v1/queues/central', 'ANY /{*path}': '/no-such-path', 'GET /v1/reports/activity': '/v1/reports/activity?year=2026' };
    const target = fixedTargets[route] ?? path;
    let req = request(t.server)[verb](target);
    if (caller !== 'public') req = req.set(bearer(w.tokens[caller]));
    if (upload) return req.field('kind', upload).attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'document.pdf');
    return body === undefined ? req : req.send(body);
  }

  beforeAll(async () => {
    t = await startTestApp('access_matrix');
    w = new World(t);
    await w.signIn();
    [appA, appB] = [await w.draft('A'), await w.draft('B')];
    [caseA, caseB] = [await w.screenedCase('A'), await w.screenedCase('B')];
    [decA, decB] = [await w.decided('A'), await w.decided('B')];
  });
  afterAll(() => t?.close());

  it('names every route of the app (Nest’s router and /openapi.json), and nothing else', async () => {
    const inApp = appRoutes(t.app);
    const documented = await openApiRoutes(t.server);
    const inMatrix = Object.keys(ACCESS_MATRIX).sort();
    expect(inApp.filter((r) => !ACCESS_MATRIX[r])).toEqual([]);
    expect(documented.filter((r) => !ACCESS_MATRIX[r])).toEqual([]);
    expect(inMatrix.filter((r) => !inApp.includes(r))).toEqual([]);
    expect([...runOrder()].sort()).toEqual(inMatrix);
    // Every caller has a cell, and a route on an object has a cell per object.
    for (const [route, row] of Object.entries(ACCESS_MATRIX)) {
      expect(Object.keys(row.cells).sort()).toEqual([...CALLERS].sort());
      for (const cell of Object.values(row.cells)) expect(Array.isArray(cell)).toBe(paramsOf(route).length > 0 && route !== 'GET /v1/queues/{queue}');
    }
  });

  it('answers every cell as the table says: no unexpected 2xx, no refusal where the design allows, never 5xx', async () => {
    const failures: string[] = [];
    for (const route of runOrder()) {
      const row = ACCESS_MATRIX[route];
      const spec = ROUTES[route] ?? {};
      const objectRoute = Object.values(row.cells).some(Array.isArray);
      const objects = objectRoute ? await spec.objects!() : undefined;
      const cells: { caller: Caller; kind: Kind | null; expected: Cell; params: Params }[] = [];
      for (const caller of CALLERS) {
        const cell = row.cells[caller];
        if (!Array.isArray(cell)) {
          cells.push({ caller, kind: null, expected: cell as Cell, params: {} });
          continue;
        }
        const [ownCell, otherCell, noneCell] = cell as ObjectCells;
        const noneParams = spec.none ?? Object.fromEntries(paramsOf(route).map((p) => [p, NONEXISTENT_UUID]));
        cells.push({ caller, kind: 'none', expected: noneCell, params: noneParams });
        if (otherCell !== null && objects!.other) cells.push({ caller, kind: 'other', expected: otherCell, params: objects!.other });
        cells.push({ caller, kind: 'own', expected: ownCell, params: objects!.own });
      }
      // Refusals first: a refused request changes nothing, so the allowed ones still find the objects as made.
      cells.sort((a, b) => Number(a.expected === 'ok') - Number(b.expected === 'ok'));
      let succeeded = false;
      for (const cell of cells) {
        const res = await send(route, cell.caller, cell.params, spec.body?.(cell.params, cell.kind ?? 'own'), spec.upload?.(cell.caller));
        results.push({ route, caller: cell.caller, kind: cell.kind, expected: cell.expected, status: res.status });
        const label = `${route} as ${cell.caller}${cell.kind ? ` on ${cell.kind}` : ''}: expected ${cell.expected}, got ${res.status} ${res.body?.detail ?? ''}`;
        if (res.status >= 200 && res.status < 400) succeeded = true;
        const ok = cell.expected === 'ok' ? (res.status >= 200 && res.status < 400) || res.status === 409 : res.status === cell.expected;
        if (!ok) failures.push(label);
        if (res.status >= 400 && !/^application\/problem\+json/.test(res.headers['content-type'] ?? '')) failures.push(`${label}: not problem+json`);
      }
      if (cells.some((c) => c.expected === 'ok') && !succeeded) failures.push(`${route}: no caller the table allows got a 2xx (the request or its objects do not work)`);
    }
    expect(failures).toEqual([]);
    expect(results.filter((r) => r.status >= 500)).toEqual([]);
  });

  // A list answers 200 to anyone its role allows; what it must not do is list another organisation's orders.
  it('lists to delivery staff only their own organisation’s orders: a holder by its CVR, an operator by the environment it runs', async () => {
    const listed = async (caller: 'data_holder' | 'environment_operator') =>
      ((await request(t.server).get('/v1/delivery-orders?limit=100').set(bearer(w.tokens[caller])).expect(200)).body.items as { id: string; caseId: string; holder: { cvr: string } }[]);
    const holder = await listed('data_holder');
    expect(holder.map((o) => o.id)).toContain(decA.deliveryOrderId);
    expect(holder.filter((o) => o.holder.cvr !== '29190925')).toEqual([]);
    const operator = await listed('environment_operator');
    expect(operator.map((o) => o.id)).toContain(decA.deliveryOrderId);
    // Researcher B's application names Danmarks Statistik's research machine: none of its orders are the SDS machine's operator's.
    expect(operator.filter((o) => o.caseId === decB.id)).toEqual([]);
  });

  it('renders docs/access-matrix.md and the figures in docs/security.md', () => {
    const figures = matrixFigures(results);
    expect(figures.unexpected2xx).toBe(0);
    expect(figures.serverErrors).toBe(0);
    const file = join(__dirname, '../../docs/access-matrix.md');
    const rendered = renderMatrixDocument(figures);
    const securityFile = join(__dirname, '../../docs/security.md');
    const security = replaceBlock(readFileSync(securityFile, 'utf8'), 'access-matrix figures', renderMatrixFigures(figures));
    if (process.env.UPDATE_ACCESS_MATRIX_DOC === '1') {
      writeFileSync(file, rendered);
      writeFileSync(securityFile, security);
    }
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(rendered);
    expect(readFileSync(securityFile, 'utf8')).toBe(security);
  });
});

interface MatrixFigures {
  routes: number;
  callers: number;
  checks: number;
  refusalsChecked: number;
  unexpected2xx: number;
  serverErrors: number;
}

function matrixFigures(results: { expected: Cell; status: number }[]): MatrixFigures {
  return {
    routes: Object.keys(ACCESS_MATRIX).length,
    callers: CALLERS.length,
    checks: results.length,
    refusalsChecked: results.filter((r) => r.expected !== 'ok').length,
    unexpected2xx: results.filter((r) => r.expected !== 'ok' && r.status >= 200 && r.status < 400).length,
    serverErrors: results.filter((r) => r.status >= 500).length,
  };
}

function renderMatrixFigures(f: MatrixFigures): string {
  return [
    `- **Access matrix** (\`test/security/access-matrix.e2e-spec.ts\`, [docs/access-matrix.md](access-matrix.md)): ${f.routes} routes × ${f.callers} callers (no token and the ${f.callers - 1} roles), ` +
      `each on its own object, another party's and a nonexistent one: ${f.checks} requests, ${f.refusalsChecked} of them expected refusals; ` +
      `${f.unexpected2xx} unexpected 2xx, ${f.serverErrors} 5xx.`,
  ].join('\n');
}

function renderMatrixDocument(f: MatrixFigures): string {
  const header = `| route | ${CALLERS.map((c) => (c === 'public' ? 'no token' : c)).join(' | ')} | why |`;
  const rule = `|---|${CALLERS.map(() => '---').join('|')}|---|`;
  const rows = Object.entries(ACCESS_MATRIX).map(([route, row]) => {
    const cells = CALLERS.map((c) => {
      const cell = row.cells[c];
      return Array.isArray(cell) ? (cell as ObjectCells).map(renderCell).join(' / ') : renderCell(cell as Cell);
    });
    return `| \`${route}\` | ${cells.join(' | ')} | ${row.why} |`;
  });
  return [
    '# Access matrix',
    '',
    'Generated by `test/security/access-matrix.e2e-spec.ts` from the hand-written table in `test/security/access-matrix.ts`; do not edit by hand',
    '(run `UPDATE_ACCESS_MATRIX_DOC=1 npx jest test/security/access-matrix` after changing the table).',
    '',
    'Who may call each route, written from the roles of the design (not from the code), and checked on every run against real',
    'objects made through the API. The people acting are researcher A, Region Midtjylland’s advisor, Region Midtjylland as',
    'controller, Region Midtjylland’s delivery staff (data holder) and Sundhedsdatastyrelsen as operator of its research machine;',
    '"another party’s" object is researcher B’s, or Region Hovedstaden’s (B’s delivery orders go to Danmarks Statistik’s research',
    'machine, another operator’s). A cell on an object reads',
    '**own / another party’s / nonexistent**:',
    '',
    '- ✓ the caller gets through (2xx, 3xx for a page that moved, or 409 when the object’s state does not allow the command now);',
    '- 401 no token; 403 the role may never do this; 404 not yours or not there — a refused object is never confirmed to exist;',
    '- · the object has no owner (a data source, a problem type, a staff member).',
    '',
    `${f.routes} routes × ${f.callers} callers: ${f.checks} requests per run, ${f.refusalsChecked} expected refusals, ${f.unexpected2xx} unexpected 2xx, ${f.serverErrors} 5xx.`,
    '',
    header,
    rule,
    ...rows,
    '',
  ].join('\n');
}
