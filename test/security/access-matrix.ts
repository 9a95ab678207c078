/**
 * Who may do what, written by hand from DESIGN.md §2 (the roles) and §5 ("every read and write
 * checks object ownership, not only the role") — deliberately NOT derived from the lifecycle table
 * or the route guards, so the access-matrix suite tests the code against the design, not against
 * itself. Issue 13, "the attack suite".
 *
 * Each row is a route; each column a caller: `public` (no token) and the nine roles of
 * libs/auth ROLES. The people are on side A (test/security/support/world.ts): researcher A, Region
 * Midtjylland's advisor, Region Midtjylland as controller, Region Midtjylland's delivery staff
 * (data holder) and Sundhedsdatastyrelsen as operator of its research machine (the analysis
 * environment side A's application names). For a route on an object the cell is
 * `[own, another party's, nonexistent]`:
 * - own: researcher A's application or case, a case Region Midtjylland is consulted on or controls
 *   a part of, that part's decision, a notice to Region Midtjylland's advisors, the delivery order
 *   to Region Midtjylland for researcher A's permit (addressed to the SDS research machine);
 * - another party's: the same made by researcher B, for Region Hovedstaden (researcher B's
 *   application names Danmarks Statistik's research machine, so its orders are another operator's);
 * - nonexistent: an id nobody made.
 * For staff who may work on every case (caseworker, legal approver, auditor) own and another
 * party's are alike.
 *
 * A cell is:
 * - `ok`: the caller gets through: 2xx (3xx for a page that moved), or 409 when the object's state does not allow the command
 *   now (the suite then requires a 2xx from some cell of the route, so a body or object that never
 *   works cannot hide behind 409);
 * - 401 (no token), 403 (the role may never do this), 404 (not yours, or not there: a refused
 *   object is hidden, never confirmed).
 * Any 2xx where the table says 401/403/404 fails the suite.
 */
export type Cell = 'ok' | 401 | 403 | 404;
export type ObjectCells = readonly [own: Cell, other: Cell | null, none: Cell];
export const CALLERS = ['public', 'researcher', 'caseworker', 'legal_approver', 'advisor', 'controller', 'data_holder', 'environment_operator', 'auditor', 'admin'] as const;
export type Caller = (typeof CALLERS)[number];

export interface MatrixRow {
  /** What the route is for, and why the cells are what they are. */
  why: string;
  /** One cell per caller; a route on an object gives [own, other, nonexistent] (other null: the object has no owner). */
  cells: Record<Caller, Cell | ObjectCells>;
}

// Shorthands for rows of the same shape. `ok3` is "any existing object", `own` "only your own".
const ok3: ObjectCells = ['ok', 'ok', 404];
const own: ObjectCells = ['ok', 404, 404];
const none: ObjectCells = [404, 404, 404];
const no: ObjectCells = [403, 403, 403];
const anon: ObjectCells = [401, 401, 401];
const pub: ObjectCells = ['ok', null, 404];

/** Only these roles, each on any object (or none). */
function onlyRoles(roles: Caller[], cell: Cell | ObjectCells, objectRoute: boolean): Record<Caller, Cell | ObjectCells> {
  return Object.fromEntries(CALLERS.map((c) => [c, c === 'public' ? (objectRoute ? anon : 401) : roles.includes(c) ? cell : objectRoute ? no : 403])) as Record<Caller, Cell | ObjectCells>;
}

const everyoneSignedIn = (cell: Cell | ObjectCells, objectRoute: boolean) =>
  onlyRoles(['researcher', 'caseworker', 'legal_approver', 'advisor', 'controller', 'data_holder', 'environment_operator', 'auditor', 'admin'], cell, objectRoute);
const publicRoute = (cell: Cell | ObjectCells) => Object.fromEntries(CALLERS.map((c) => [c, cell])) as Record<Caller, Cell | ObjectCells>;

export const ACCESS_MATRIX: Record<string, MatrixRow> = {
  // --- Public: anyone (DESIGN §2 "public"; EHDS art. 57 transparency; the catalogue; probes; docs) ---
  'GET /health': { why: 'liveness probe', cells: publicRoute('ok') },
  'GET /health/ready': { why: 'readiness probe', cells: publicRoute('ok') },
  'GET /health/queue': { why: 'queue backend probe, for monitoring', cells: publicRoute('ok') },
  'GET /docs/problems': { why: 'the problem types this API answers with (RFC 9457 type URIs resolve here)', cells: publicRoute('ok') },
  'GET /docs/problems/{type}': { why: 'one problem type', cells: publicRoute(pub) },
  'GET /v1/public/applications': { why: 'transparency register of received applications (EHDS art. 57)', cells: publicRoute('ok') },
  'GET /v1/public/decisions': { why: 'transparency register of issued decisions (EHDS art. 57)', cells: publicRoute('ok') },
  'GET /v1/data-sources': { why: 'the catalogue applicants choose from', cells: publicRoute('ok') },
  'GET /v1/data-sources/{id}': { why: 'one data source of the catalogue', cells: publicRoute(pub) },
  'GET /v1/dev/clock': { why: 'simulated business time (the flow simulator): only with BUSINESS_CLOCK=settable, never in production; an operator task', cells: onlyRoles(['admin'], 'ok', false) },
  'POST /v1/dev/clock': { why: 'move simulated business time forward: only with BUSINESS_CLOCK=settable, never in production; audited', cells: onlyRoles(['admin'], 'ok', false) },
  'POST /v1/dev/sweeps': { why: 'run every scheduled sweep once at the simulated time: only with BUSINESS_CLOCK=settable; audited', cells: onlyRoles(['admin'], 'ok', false) },
  'GET /v1/dev/sign-in': { why: 'development sign-in personas: only while the local issuer is trusted (404 with OIDC or in production)', cells: publicRoute('ok') },
  'POST /v1/dev/sign-in': { why: 'development sign-in: only while the local issuer is trusted (404 with OIDC or in production)', cells: publicRoute('ok') },
  'GET /v1/sign-in-method': { why: "how the console signs in: the local issuer, or the OIDC provider and the console's public client (no secrets)", cells: publicRoute('ok') },

  'GET /openapi.json': { why: 'the API contract', cells: publicRoute('ok') },
  'GET /docs': { why: 'Swagger UI and its files', cells: publicRoute('ok') },
  'ANY /{*path}': { why: 'any other path: 404 problem+json (a GET outside /v1, /docs and /health is the web console when built; checked with POST)', cells: publicRoute(404) },

  // --- Everyone signed in, about themselves ---
  'GET /v1/me': { why: 'who the token says you are', cells: everyoneSignedIn('ok', false) },
  'GET /v1/me/notifications': { why: 'notices addressed to you or your role (your region, your organisation)', cells: everyoneSignedIn('ok', false) },
  'POST /v1/me/notifications/{id}/read': {
    why: "marks a notice read; own = a notice to Region Midtjylland's advisors, which is nobody else's",
    cells: { ...everyoneSignedIn(none, true), advisor: own },
  },
  'GET /v1/me/conflicts': { why: 'your declared conflicts of interest (forvaltningsloven § 3): for those who handle or decide cases', cells: onlyRoles(['caseworker', 'legal_approver', 'controller'], 'ok', false) },
  'PUT /v1/me/conflicts': { why: 'declare the organisations you are not impartial towards', cells: onlyRoles(['caseworker', 'legal_approver', 'controller'], 'ok', false) },

  // --- The researcher's application (DESIGN §2: drafts, submits, supplements, withdraws) ---
  'POST /v1/applications': { why: 'a new draft', cells: onlyRoles(['researcher'], 'ok', false) },
  'GET /v1/applications': { why: 'your own applications', cells: onlyRoles(['researcher'], 'ok', false) },
  'GET /v1/applications/{id}': {
    why: "your own application (or one whose team you joined); an advisor only a draft shared with its region for pre-screening (none here: side A's draft is not shared)",
    cells: { ...onlyRoles(['researcher'], own, true), advisor: none },
  },
  'PATCH /v1/applications/{id}': { why: 'edit your own draft', cells: onlyRoles(['researcher'], own, true) },
  'POST /v1/applications/{id}/check': { why: 'check your own draft against the rules', cells: onlyRoles(['researcher'], own, true) },
  'POST /v1/applications/{id}/submit': { why: 'submit your own draft', cells: onlyRoles(['researcher'], own, true) },
  'POST /v1/applications/{id}/withdraw': { why: 'withdraw your own application', cells: onlyRoles(['researcher'], own, true) },
  'POST /v1/applications/{id}/resubmit': { why: 'answer a request for supplement on your own application', cells: onlyRoles(['researcher'], own, true) },
  'POST /v1/applications/{id}/team': { why: 'invite a co-applicant or a named researcher to read your own application (issue 16); only the applicant invites', cells: onlyRoles(['researcher'], own, true) },
  'GET /v1/applications/{id}/team': { why: "your own application's team (or the one you joined)", cells: onlyRoles(['researcher'], own, true) },
  'DELETE /v1/applications/{id}/team/{memberId}': { why: 'remove a member of, or withdraw an invitation to, your own application’s team; a member leaves (removes themselves)', cells: onlyRoles(['researcher'], own, true) },
  'GET /v1/me/team-invitations': { why: 'open invitations to the e-mail address you signed in with', cells: onlyRoles(['researcher'], 'ok', false) },
  'POST /v1/team-invitations/{id}/accept': { why: 'accept an invitation addressed to your e-mail address; to anyone else it does not exist', cells: onlyRoles(['researcher'], own, true) },
  'POST /v1/applications/{id}/pre-screening/shares': { why: "share your own draft with a region's data-support centre for comments before submitting (issue 16)", cells: onlyRoles(['researcher'], own, true) },
  'GET /v1/applications/{id}/pre-screening': {
    why: "a draft's pre-screening: the applicant (and team) all of it; an advisor only of a draft shared with its region (own: side A's draft shared with Region Midtjylland)",
    cells: { ...onlyRoles(['researcher'], own, true), advisor: own },
  },
  'POST /v1/applications/{id}/pre-screening/comments': { why: "an advisor comments on a draft shared with its region, before submission; anyone else's draft does not exist for it", cells: onlyRoles(['advisor'], own, true) },
  'GET /v1/pre-screening': { why: "the drafts shared with the advisor's region: the data-support centre's pre-screening queue", cells: onlyRoles(['advisor'], 'ok', false) },
  'POST /v1/applications/{id}/attachments': { why: 'attach the protocol, the ethics answer, the record of processing or a contract to your own application', cells: onlyRoles(['researcher'], own, true) },
  'GET /v1/applications/{id}/attachments': {
    why: "the documents attached to your own application; an advisor only of a draft shared with its region (none here)",
    cells: { ...onlyRoles(['researcher'], own, true), advisor: none },
  },

  // --- Reading a case: the applicant, staff, supervision, and the regions it concerns ---
  'GET /v1/cases/{id}': {
    why: 'the case: its applicant, contact-point staff and auditors; an advisor when its region is consulted; a controller when it decides a part. Admins manage configuration, not cases',
    cells: { public: anon, researcher: own, caseworker: ok3, legal_approver: ok3, advisor: own, controller: own, data_holder: no, environment_operator: no, auditor: ok3, admin: no },
  },
  'GET /v1/cases/{id}/audit': {
    why: "the case's history from the audit trail: the applicant (what happened, not who), staff and supervision (every event). An advisor or a controller sees only its own part of a case, and the history is the whole case's: to them it does not exist",
    cells: { public: anon, researcher: own, caseworker: ok3, legal_approver: ok3, advisor: none, controller: none, data_holder: no, environment_operator: no, auditor: ok3, admin: no },
  },
  'GET /v1/cases/{id}/notes': {
    why: "notes on the case: staff and supervision all, the applicant those addressed to the applicant; they are the contact point's, not the regions'",
    cells: { public: anon, researcher: own, caseworker: ok3, legal_approver: ok3, advisor: none, controller: none, data_holder: no, environment_operator: no, auditor: ok3, admin: no },
  },
  'GET /v1/cases/{id}/attachments': {
    why: "the documents attached to the case (issue 16): whoever may read the case — its applicant, staff, supervision, the regions it concerns (they advise and decide on the protocol); never another applicant (GDPR art. 32)",
    cells: { public: anon, researcher: own, caseworker: ok3, legal_approver: ok3, advisor: own, controller: own, data_holder: no, environment_operator: no, auditor: ok3, admin: no },
  },
  'GET /v1/attachments/{attachmentId}/content': {
    why: "an attachment's bytes: to the readers of its case only, as for the list; anyone else is told it does not exist",
    cells: { public: anon, researcher: own, caseworker: ok3, legal_approver: ok3, advisor: own, controller: own, data_holder: no, environment_operator: no, auditor: ok3, admin: no },
  },
  'GET /v1/cases/{id}/waiting-history': { why: 'whom the case waited for and how long: contact-point staff and supervision', cells: onlyRoles(['caseworker', 'legal_approver', 'auditor'], ok3, true) },
  'GET /v1/cases/{id}/supplement-requests': {
    why: 'requests for supplement: to the applicant, by the caseworkers; read by supervision',
    cells: { public: anon, researcher: own, caseworker: ok3, legal_approver: ok3, advisor: no, controller: no, data_holder: no, environment_operator: no, auditor: ok3, admin: no },
  },
  'GET /v1/cases/{id}/decisions': {
    why: "the case's decisions: its applicant, staff, supervision, and a controller its own part's",
    cells: { public: anon, researcher: own, caseworker: ok3, legal_approver: ok3, advisor: no, controller: own, data_holder: no, environment_operator: no, auditor: ok3, admin: no },
  },
  'GET /v1/decisions/{id}': {
    why: "one decision; own = Region Midtjylland's decision on researcher A's case",
    cells: { public: anon, researcher: own, caseworker: ok3, legal_approver: ok3, advisor: no, controller: own, data_holder: no, environment_operator: no, auditor: ok3, admin: no },
  },
  'GET /v1/decisions/{id}/explanation': {
    why: 'a decision with the replay of the screening it relied on (DESIGN §7: explainable years later)',
    cells: { public: anon, researcher: own, caseworker: ok3, legal_approver: ok3, advisor: no, controller: own, data_holder: no, environment_operator: no, auditor: ok3, admin: no },
  },
  'GET /v1/permits/{id}': {
    why: 'the permit: its holder, the contact point that issues it, supervision',
    cells: { public: anon, researcher: own, caseworker: ok3, legal_approver: ok3, advisor: no, controller: no, data_holder: no, environment_operator: no, auditor: ok3, admin: no },
  },
  // The letters the authorities send (forvaltningsloven §§ 22-25: a decision in writing with its reasons and appeal guidance): whoever may read the decision or the permit.
  'GET /v1/decisions/{id}/letter.pdf': {
    why: 'the decision letter as a PDF: whoever may read the decision — its applicant, staff, supervision, and a controller its own part’s',
    cells: { public: anon, researcher: own, caseworker: ok3, legal_approver: ok3, advisor: no, controller: own, data_holder: no, environment_operator: no, auditor: ok3, admin: no },
  },
  'GET /v1/permits/{id}/document.pdf': {
    why: 'the permit as a PDF: whoever may read the permit — its holder, the contact point, supervision. The delivery staff work from their order’s instructions, not the permit',
    cells: { public: anon, researcher: own, caseworker: ok3, legal_approver: ok3, advisor: no, controller: no, data_holder: no, environment_operator: no, auditor: ok3, admin: no },
  },

  // --- Delivery after a permit (issue 15, docs/delivery-orders.md): each data holder extracts, the environment's operator receives ---
  'GET /v1/delivery-orders': { why: 'the orders addressed to your organisation (data holder) or your environment (operator): the delivery staff’s work list', cells: onlyRoles(['data_holder', 'environment_operator'], 'ok', false) },
  'GET /v1/delivery-orders/{id}': {
    why: "one order; own = the order to Region Midtjylland for researcher A's permit, to the SDS research machine. Its holder (by CVR), its environment's operator, the applicant, contact-point staff and supervision; another organisation's order does not exist to a holder or an operator",
    cells: { public: anon, researcher: own, caseworker: ok3, legal_approver: ok3, advisor: no, controller: no, data_holder: own, environment_operator: own, auditor: ok3, admin: no },
  },
  'POST /v1/delivery-orders/{id}/status': {
    why: 'report an order’s progress: its holder (accepted, extracted, rejected, deleted) and its environment’s operator (delivered, access_ended), each on their own organisation’s orders only; a step the other party reports is 409',
    cells: onlyRoles(['data_holder', 'environment_operator'], own, true),
  },
  'GET /v1/cases/{id}/delivery-orders': {
    why: "a case's orders: its applicant follows the delivery of the data, contact-point staff and supervision see where it waits. Holders and operators read orders, not cases",
    cells: { public: anon, researcher: own, caseworker: ok3, legal_approver: ok3, advisor: no, controller: no, data_holder: no, environment_operator: no, auditor: ok3, admin: no },
  },

  // --- Case work: the contact point (DESIGN §2: caseworker works queues, claims, asks, drafts; legal approver approves) ---
  'GET /v1/queues/{queue}': { why: "the contact point's work queues", cells: onlyRoles(['caseworker', 'legal_approver'], 'ok', false) },
  'GET /v1/workload': { why: "the contact point's workload", cells: onlyRoles(['caseworker', 'legal_approver'], 'ok', false) },
  'POST /v1/cases/{id}/claim': { why: 'take a case', cells: onlyRoles(['caseworker', 'legal_approver'], ok3, true) },
  'POST /v1/cases/{id}/release': { why: 'give a case back to the queue', cells: onlyRoles(['caseworker', 'legal_approver'], ok3, true) },
  'POST /v1/cases/{id}/assign': { why: 'hand a case to a colleague', cells: onlyRoles(['caseworker', 'legal_approver'], ok3, true) },
  'POST /v1/cases/{id}/rescreen': { why: 'screen again under the rules in force', cells: onlyRoles(['caseworker'], ok3, true) },
  'POST /v1/cases/{id}/notes': { why: 'a working note', cells: onlyRoles(['caseworker', 'legal_approver'], ok3, true) },
  'POST /v1/cases/{id}/attachments': {
    why: "attach a document to a case: its applicant their documents, staff hearing answers and legal opinions (forvaltningsloven § 15)",
    cells: { ...onlyRoles(['caseworker', 'legal_approver'], ok3, true), researcher: own },
  },
  'POST /v1/cases/{id}/supplement-requests': { why: 'ask the applicant to supplement (the clock stops)', cells: onlyRoles(['caseworker'], ok3, true) },
  'POST /v1/cases/{id}/consultations': { why: "ask a region's advisors", cells: onlyRoles(['caseworker'], ok3, true) },
  'POST /v1/cases/{id}/legal-matters': { why: 'open a legal matter the decision waits for', cells: onlyRoles(['caseworker', 'legal_approver'], ok3, true) },
  'POST /v1/cases/{id}/legal-matters/{matterId}/resolve': { why: 'resolve it with a document reference', cells: onlyRoles(['caseworker', 'legal_approver'], ok3, true) },
  'POST /v1/cases/{id}/clock/extensions': { why: 'extend the 3-month limit with a reason (EHDS art. 68(4))', cells: onlyRoles(['caseworker', 'legal_approver'], ok3, true) },
  'POST /v1/cases/{id}/sub-cases/{subCaseId}/hearings': { why: 'a caseworker sends the applicant the draft grounds of a refusal (partshøring, forvaltningsloven § 19)', cells: onlyRoles(['caseworker'], ok3, true) },
  'POST /v1/hearings/{id}/answer': { why: 'the applicant comments on the draft grounds of a refusal of their own case', cells: onlyRoles(['researcher'], own, true) },
  'POST /v1/cases/{id}/sub-cases/{subCaseId}/decision-drafts': { why: 'a caseworker drafts a decision on a central part', cells: onlyRoles(['caseworker'], ok3, true) },
  'POST /v1/decision-drafts/{id}/issue': { why: 'the legal approver issues a draft by another (four eyes)', cells: onlyRoles(['legal_approver'], ok3, true) },
  'POST /v1/decision-drafts/{id}/return': { why: 'the legal approver returns a draft with a reason', cells: onlyRoles(['legal_approver'], ok3, true) },
  'POST /v1/cases/{id}/sub-cases/{subCaseId}/recommendations': { why: 'a caseworker recommends (indstilling) to the controller of a collaborative part', cells: onlyRoles(['caseworker'], ok3, true) },
  'POST /v1/permits/{id}/hearings': { why: 'the legal approver hears the permit holder before revoking (EHDS art. 63; forvaltningsloven § 19)', cells: onlyRoles(['legal_approver'], ok3, true) },
  'POST /v1/permits/{id}/revoke': { why: 'the legal approver revokes a permit', cells: onlyRoles(['legal_approver'], ok3, true) },
  // After the decision (issue 16): appeals (forvaltningsloven § 25) and reopening are the contact point's work on any case.
  'POST /v1/cases/{id}/appeals': { why: 'a caseworker registers an appeal against a decision, however it arrived', cells: onlyRoles(['caseworker'], ok3, true) },
  'POST /v1/appeals/{id}/controller-maintains': {
    why: 'an appeal against a controller’s decision on a collaborative part: that controller reconsiders and maintains it (or decides anew), before the contact point forwards it',
    cells: onlyRoles(['controller'], own, true),
  },
  'POST /v1/appeals/{id}/forward': { why: 'after reconsidering, staff forward the appeal to the appeal body (or maintain the decision where none exists)', cells: onlyRoles(['caseworker', 'legal_approver'], ok3, true) },
  'POST /v1/cases/{id}/reopening-requests': { why: 'a caseworker registers a request to reopen a decided case', cells: onlyRoles(['caseworker'], ok3, true) },
  'POST /v1/reopening-requests/{id}/decision': { why: 'staff reopen the case or refuse to, with reasons', cells: onlyRoles(['caseworker', 'legal_approver'], ok3, true) },
  'GET /v1/cases': { why: 'find cases by number, applicant, CVR, source, state, dates and words: those who may see every case (staff, supervision)', cells: onlyRoles(['caseworker', 'legal_approver', 'auditor'], 'ok', false) },
  // Changes to a running permit (issue 15): only its holder — the applicant of the case behind it — asks; anyone else's permit does not exist to them.
  'POST /v1/statistics-requests': { why: 'a researcher drafts a statistics-only request (EHDS art. 69): anonymised tables, no data', cells: onlyRoles(['researcher'], 'ok', false) },
  'POST /v1/permits/{id}/amendments': { why: 'the permit’s holder drafts an amendment of their own running permit (another source, more variables, a longer period, another researcher)', cells: onlyRoles(['researcher'], own, true) },
  'POST /v1/permits/{id}/extensions': { why: 'the permit’s holder asks for a longer project period before their own permit expires (no new data)', cells: onlyRoles(['researcher'], own, true) },
  'GET /v1/consultations': { why: "consultations: an advisor its region's, staff all", cells: onlyRoles(['caseworker', 'legal_approver', 'advisor'], 'ok', false) },

  // --- The regions ---
  'POST /v1/consultations/{id}/answer': { why: "an advisor answers its own region's consultation", cells: onlyRoles(['advisor'], own, true) },
  'POST /v1/cases/{id}/sub-cases/{subCaseId}/controller-decision': { why: "a controller decides on its own organisation's part", cells: onlyRoles(['controller'], own, true) },

  // --- Supervision ---
  'GET /v1/audit/verify': { why: 'walk the audit chain and its checkpoints', cells: onlyRoles(['auditor'], 'ok', false) },

  // --- An authority's records (issue 16, docs/records-and-retention.md) ---
  'GET /v1/cases/{id}/journal': { why: "a case's journal number and journalised documents (offentlighedsloven § 15): the authority's own records, for its staff and supervision", cells: onlyRoles(['caseworker', 'legal_approver', 'auditor'], ok3, true) },
  'GET /v1/cases/{id}/access-to-files/documents': { why: 'the case file’s documents, to mark what access to files withholds: the caseworkers and legal approvers who decide on access (offentlighedsloven; forvaltningsloven § 9)', cells: onlyRoles(['caseworker', 'legal_approver'], ok3, true) },
  'POST /v1/cases/{id}/access-to-files': { why: 'access to files (aktindsigt): the case file as one PDF with the withheld parts marked; decided and exported by a caseworker or legal approver, never by the requester', cells: onlyRoles(['caseworker', 'legal_approver'], ok3, true) },
  'GET /v1/reports/activity': { why: 'the yearly activity report (EHDS art. 59): aggregate figures, published by the administration and read by supervision; no case is named', cells: onlyRoles(['admin', 'auditor'], 'ok', false) },

  // --- Operations (DESIGN §2: admin manages data sources, rule-set plugins, the track/authority of each source) ---
  'PUT /v1/admin/data-sources/{id}/authority': { why: "a source's track and deciding authority", cells: onlyRoles(['admin'], pub, true) },
  'POST /v1/admin/rule-sets/reload': { why: 'load changed rule-set plugins', cells: onlyRoles(['admin'], 'ok', false) },
  'POST /v1/admin/rule-sets/dry-run': { why: 'how the plugins on disk would change the verdicts of open cases: admins before activating, caseworkers for the cases they handle', cells: onlyRoles(['admin', 'caseworker'], 'ok', false) },
  'GET /v1/admin/rule-sets': { why: 'the rule-set versions in force', cells: onlyRoles(['admin'], 'ok', false) },
  'GET /v1/admin/staff': { why: 'the staff directory', cells: onlyRoles(['admin'], 'ok', false) },
  'POST /v1/admin/staff': { why: 'add a staff member before their first sign-in, so notices to their role reach them from the start', cells: onlyRoles(['admin'], 'ok', false) },
  'PATCH /v1/admin/staff/{sub}': { why: "a staff member's address, language, active flag", cells: onlyRoles(['admin'], pub, true) },
  // Absence (issue 16): own = the caseworker, other = the legal approver; each may mark only themselves, an admin anyone who holds cases.
  'PUT /v1/staff/{sub}/absence': {
    why: 'mark a caseworker or legal approver absent or back: an admin for anyone who holds cases, each of them for themselves only',
    cells: { public: anon, researcher: no, caseworker: ['ok', 403, 403], legal_approver: [403, 'ok', 403], advisor: no, controller: no, data_holder: no, environment_operator: no, auditor: no, admin: ['ok', 'ok', 404] },
  },
  'POST /v1/admin/staff/{sub}/reassign-cases': { why: "hand all of a person's open cases to a colleague (absence)", cells: onlyRoles(['admin'], pub, true) },
};

/** How a cell reads in docs/access-matrix.md. */
export function renderCell(cell: Cell | null): string {
  if (cell === null) return '·';
  return cell === 'ok' ? '✓' : String(cell);
}
