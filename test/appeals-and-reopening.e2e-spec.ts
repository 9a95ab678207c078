import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest, submitAndScreen } from './support/applications';

/**
 * After the decision (issue 16): an appeal (klage) is registered with the deciding authority, which
 * reconsiders it (remonstration) within a time limit and either changes its decision — a new
 * decision, issued under four eyes, that supersedes the old — or forwards the appeal to the appeal
 * body the decision's own guidance names (forvaltningsloven § 25). A request to reopen
 * (genoptagelse) is refused with reasons or granted, and a new decision then supersedes the old.
 * The case shows where each stands, and every step is in the audit trail.
 */
describe('appeals and reopening (e2e)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  // The national registers' deciding authority is given an administrative appeal body in this test's copy of the
  // rules (the shipped rules/authorities.json names none, marked [check]): the body is data, as LEGAL.md requires.
  const APPEAL_BODY = 'Klagenævnet for Sundhedsdata (test)';
  const rulesDir = mkdtempSync(join(tmpdir(), 'kp-appeals-'));
  cpSync(resolve(__dirname, '../rules'), rulesDir, { recursive: true });
  const file = join(rulesDir, 'authorities.json');
  const authorities = JSON.parse(readFileSync(file, 'utf8'));
  const sds = authorities.authorities.find((a: { name: string }) => a.name.startsWith('Ét kontaktpunkt'));
  sds.appeal = { kind: 'administrative', body: APPEAL_BODY, timeLimit: { amount: 4, unit: 'weeks' }, reconsideration: true, legalReference: 'Test route', verified: false };
  writeFileSync(file, JSON.stringify(authorities, null, 2));

  const get = (path: string, who: string) => request(t.server).get(path).set(bearer(tokens[who]));
  const post = (path: string, who: string, body: object = {}) => request(t.server).post(path).set(bearer(tokens[who])).send(body);
  const refusal = {
    outcome: 'rejected',
    legalBasis: 'Databeskyttelsesloven § 10, stk. 1',
    reasoning: 'The study is not shown to be of significant societal importance.',
    departureReason: 'The screening cannot weigh societal importance.',
    hearingDispensedReason: 'The refusal rests only on what the applicant stated.',
  };
  const approval = { outcome: 'approved', legalBasis: 'Databeskyttelsesloven § 10, stk. 1', reasoning: 'On reconsideration the protocol shows the study’s importance.' };

  /** A case whose one part (LPR, national registers) was decided with `body`; the decision. */
  async function decided(body: object): Promise<{ caseId: string; decision: { id: string; appealGuidance: { appealBody: string | null } } }> {
    const { case: c } = await submitAndScreen(t, tokens.researcher, completeApplication({ dataRequests: [dataRequest('lpr')] }));
    await post(`/v1/cases/${c.id}/claim`, 'caseworker').expect(200);
    const draft = (await post(`/v1/cases/${c.id}/sub-cases/${c.subCases[0].id}/decision-drafts`, 'caseworker', body).expect(201)).body;
    const { decision } = (await post(`/v1/decision-drafts/${draft.id}/issue`, 'approver').expect(201)).body;
    return { caseId: c.id, decision: (await get(`/v1/decisions/${decision.id}`, 'caseworker').expect(200)).body };
  }
  const reconsiderations = async (caseId: string, who = 'researcher') => (await get(`/v1/cases/${caseId}/decisions`, who).expect(200)).body.reconsiderations;
  const actions = async (caseId: string) => (await get(`/v1/cases/${caseId}/audit?limit=200`, 'approver').expect(200)).body.items.map((e: { action: string }) => e.action);

  beforeAll(async () => {
    t = await startTestApp('appeals', { env: { LOG_LEVEL: 'error', RULES_DIR: rulesDir, APPEAL_RECONSIDERATION_DAYS: '21' } });
    t.clock.set(new Date('2027-03-01T08:00:00Z'));
    const people = {
      researcher: { sub: 'r-1', role: 'researcher', organisation: '31119103' },
      otherResearcher: { sub: 'r-2', role: 'researcher', organisation: '31119103' },
      caseworker: { sub: 'cw-1', role: 'caseworker', organisation: '33257872' },
      approver: { sub: 'la-1', role: 'legal_approver', organisation: '33257872' },
      controller: { sub: 'ctl-rm', role: 'controller', organisation: '29190925' },
      otherController: { sub: 'ctl-rh', role: 'controller', organisation: '29190623' },
      admin: { sub: 'adm-1', role: 'admin' },
    } as const;
    for (const [name, actor] of Object.entries(people)) tokens[name] = await t.token(actor);
  });
  afterAll(async () => {
    await t.close();
    rmSync(rulesDir, { recursive: true, force: true });
  });

  it('registers an appeal, reconsiders it and forwards it to the appeal body named in the decision’s guidance', async () => {
    const { caseId, decision } = await decided(refusal);
    expect(decision.appealGuidance.appealBody).toBe(APPEAL_BODY);
    const appeal = { decisionId: decision.id, receivedOn: '2027-03-01', from: 'Professor Anne Jensen (the applicant)', grounds: 'The protocol, enclosed, shows the study’s societal importance.' };

    // Staff register appeals; a researcher cannot; a date in the future and an unknown decision are refused.
    await post(`/v1/cases/${caseId}/appeals`, 'researcher', appeal).expect(403);
    expect((await post(`/v1/cases/${caseId}/appeals`, 'caseworker', { ...appeal, receivedOn: '2027-03-09' }).expect(400)).body.errors[0].field).toBe('receivedOn');
    await post(`/v1/cases/${caseId}/appeals`, 'caseworker', { ...appeal, decisionId: '00000000-0000-4000-8000-000000000000' }).expect(404);

    const registered = (await post(`/v1/cases/${caseId}/appeals`, 'caseworker', appeal).expect(201)).body;
    // Reconsidered within the configured time (APPEAL_RECONSIDERATION_DAYS, 21 here) from receipt.
    expect(registered).toMatchObject({ kind: 'appeal', state: 'reconsidering', decisionId: decision.id, from: appeal.from, receivedOn: '2027-03-01', reconsiderBy: '2027-03-22T22:59:59.999Z', overdue: false });
    expect((await post(`/v1/cases/${caseId}/appeals`, 'caseworker', appeal).expect(409)).body.type).toContain('appeal-open');

    // The case shows the appeal's status, to the applicant too; staff are offered to forward it.
    expect(await reconsiderations(caseId)).toEqual([expect.objectContaining({ id: registered.id, state: 'reconsidering' })]);
    const caseView = (await get(`/v1/cases/${caseId}`, 'researcher').expect(200)).body;
    expect(caseView.openReconsiderations).toEqual([{ id: registered.id, kind: 'appeal', subCaseId: registered.subCaseId, state: 'reconsidering', reconsiderBy: registered.reconsiderBy, awaitingController: false, overdue: false }]);
    const staffSteps = (await get(`/v1/cases/${caseId}`, 'approver').expect(200)).body.subCases[0].nextSteps;
    expect(staffSteps).toEqual(expect.arrayContaining([expect.objectContaining({ command: 'forward_appeal', appealId: registered.id })]));
    // Past the time limit the appeal shows as overdue.
    t.clock.set(new Date('2027-03-23T08:00:00Z'));
    expect((await reconsiderations(caseId))[0].overdue).toBe(true);

    // Nobody else sees it; the applicant cannot forward it; the authority maintains its decision and forwards it.
    await post(`/v1/appeals/${registered.id}/forward`, 'otherResearcher', { statement: 'x' }).expect(403);
    expect((await post(`/v1/appeals/${registered.id}/forward`, 'caseworker', { statement: '' }).expect(400)).body.errors[0].field).toBe('statement');
    const statement = 'The protocol does not change that the linkage goes beyond what the purpose needs; the decision is maintained.';
    const forwarded = (await post(`/v1/appeals/${registered.id}/forward`, 'approver', { statement }).expect(200)).body;
    expect(forwarded).toMatchObject({ state: 'forwarded', appealBody: APPEAL_BODY, statement, closedAt: expect.any(String), overdue: false });
    expect((await post(`/v1/appeals/${registered.id}/forward`, 'approver', { statement }).expect(409)).body.type).toContain('appeal-closed');
    expect(await reconsiderations(caseId)).toEqual([expect.objectContaining({ state: 'forwarded', appealBody: APPEAL_BODY })]);
    expect((await get(`/v1/cases/${caseId}`, 'researcher').expect(200)).body.openReconsiderations).toEqual([]);
    expect(JSON.stringify((await get('/v1/me/notifications?kind=appeal_forwarded', 'researcher').expect(200)).body.items)).toContain(APPEAL_BODY);
    expect(await actions(caseId)).toEqual(expect.arrayContaining(['decision.appeal_registered', 'decision.appeal_forwarded']));
    // The applicant follows their appeal on the case's timeline (what happened, not who did it).
    const timeline = (await get(`/v1/cases/${caseId}/audit?limit=200`, 'researcher').expect(200)).body;
    expect(timeline.view).toBe('applicant');
    expect(timeline.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['decision.appeal_registered', 'decision.appeal_forwarded']));
  });

  it('upholds an appeal with a new decision, issued under four eyes, that supersedes the old', async () => {
    const { caseId, decision } = await decided(refusal);
    const appeal = (await post(`/v1/cases/${caseId}/appeals`, 'caseworker', { decisionId: decision.id, receivedOn: '2027-03-23', from: 'Anne Jensen', grounds: 'The protocol shows the importance.' }).expect(201)).body;
    const subCaseId = appeal.subCaseId;

    // The caseworker drafts the changed decision; she cannot issue it herself, another person does.
    const draft = (await post(`/v1/cases/${caseId}/sub-cases/${subCaseId}/decision-drafts`, 'caseworker', approval).expect(201)).body;
    expect(draft.supersedes).toBe(decision.id);
    // The appeal stays under reconsideration until the new decision is issued.
    expect((await reconsiderations(caseId))[0].state).toBe('reconsidering');
    const issued = (await post(`/v1/decision-drafts/${draft.id}/issue`, 'approver').expect(201)).body.decision;
    expect(issued).toMatchObject({ outcome: 'approved', supersedes: decision.id });

    expect(await reconsiderations(caseId)).toEqual([expect.objectContaining({ id: appeal.id, state: 'decision_changed', newDecisionId: issued.id })]);
    const listed = (await get(`/v1/cases/${caseId}/decisions`, 'researcher').expect(200)).body.decisions;
    expect(listed.find((d: { id: string }) => d.id === decision.id).supersededBy).toBe(issued.id);
    // Nothing left to forward; a new appeal is against the decision in force only.
    expect((await post(`/v1/appeals/${appeal.id}/forward`, 'approver', { statement: 'x' }).expect(409)).body.type).toContain('appeal-closed');
    expect((await post(`/v1/cases/${caseId}/appeals`, 'caseworker', { decisionId: decision.id, receivedOn: '2027-03-23', from: 'A', grounds: 'B' }).expect(409)).body.type).toContain('decision-superseded');
    expect(await actions(caseId)).toEqual(expect.arrayContaining(['decision.appeal_registered', 'decision.corrected']));
  });

  it('reopens a decided case on request, with the same audit trail, after refusing an earlier request', async () => {
    const { caseId, decision } = await decided(refusal);
    const request1 = (await post(`/v1/cases/${caseId}/reopening-requests`, 'caseworker', { decisionId: decision.id, receivedOn: '2027-03-23', from: 'Anne Jensen', grounds: 'We disagree.' }).expect(201)).body;
    expect(request1).toMatchObject({ kind: 'reopening', state: 'requested' });
    expect((await get(`/v1/cases/${caseId}`, 'caseworker').expect(200)).body.subCases[0].nextSteps).toEqual(
      expect.arrayContaining([expect.objectContaining({ command: 'decide_reopening', reopeningRequestId: request1.id })]),
    );
    await post(`/v1/reopening-requests/${request1.id}/decision`, 'researcher', { reopen: true, reasons: 'x' }).expect(403);
    const refused = (await post(`/v1/reopening-requests/${request1.id}/decision`, 'approver', { reopen: false, reasons: 'No new facts were shown.' }).expect(200)).body;
    expect(refused).toMatchObject({ state: 'refused', statement: 'No new facts were shown.' });
    expect((await post(`/v1/reopening-requests/${request1.id}/decision`, 'approver', { reopen: true, reasons: 'x' }).expect(409)).body.type).toContain('reopening-decided');

    const request2 = (await post(`/v1/cases/${caseId}/reopening-requests`, 'caseworker', { decisionId: decision.id, receivedOn: '2027-03-23', from: 'Anne Jensen', grounds: 'The ethics committee has now approved the protocol (new fact).' }).expect(201)).body;
    const reopened = (await post(`/v1/reopening-requests/${request2.id}/decision`, 'caseworker', { reopen: true, reasons: 'The ethics approval is a new fact of weight.' }).expect(200)).body;
    expect(reopened).toMatchObject({ state: 'reopened', closedAt: null });
    const draft = (await post(`/v1/cases/${caseId}/sub-cases/${request2.subCaseId}/decision-drafts`, 'caseworker', approval).expect(201)).body;
    const issued = (await post(`/v1/decision-drafts/${draft.id}/issue`, 'approver').expect(201)).body.decision;
    expect(await reconsiderations(caseId)).toEqual([
      expect.objectContaining({ id: request1.id, state: 'refused' }),
      expect.objectContaining({ id: request2.id, state: 'decision_changed', newDecisionId: issued.id, statement: 'The ethics approval is a new fact of weight.' }),
    ]);
    expect(JSON.stringify((await get('/v1/me/notifications?kind=case_reopened', 'researcher').expect(200)).body.items)).toContain('genoptaget');
    expect(await actions(caseId)).toEqual(expect.arrayContaining(['decision.reopening_requested', 'decision.reopening_refused', 'decision.reopening_granted', 'decision.corrected']));
  });

  it('maintains the decision where its guidance names no appeal body, pointing the appellant to the courts', async () => {
    // Region Midtjylland decides its patient records itself; the shipped guidance names no appeal body for it.
    const { case: c } = await submitAndScreen(t, tokens.researcher, completeApplication({ dataRequests: [dataRequest('epj-region-midtjylland')] }));
    const part = c.subCases[0].id;
    await post(`/v1/cases/${c.id}/claim`, 'caseworker').expect(200);
    await post(`/v1/cases/${c.id}/sub-cases/${part}/recommendations`, 'caseworker', { outcome: 'approved', reasoning: 'Proportionate.' }).expect(201);
    const { decision } = (await post(`/v1/cases/${c.id}/sub-cases/${part}/controller-decision`, 'controller', { outcome: 'approved', legalBasis: 'Sundhedsloven § 46, stk. 2', reasoning: 'As recommended.' }).expect(201)).body;
    expect((await get(`/v1/decisions/${decision.id}`, 'caseworker').expect(200)).body.appealGuidance.appealBody).toBeNull();
    const appeal = (await post(`/v1/cases/${c.id}/appeals`, 'caseworker', { decisionId: decision.id, receivedOn: '2027-03-23', from: 'Anne Jensen', grounds: 'The conditions are too strict.' }).expect(201)).body;
    // The decision is the controller's: it reconsiders first and maintains it; then the contact point closes the appeal.
    expect(appeal).toMatchObject({ controllerOrg: '29190925', awaitingController: true });
    await post(`/v1/appeals/${appeal.id}/controller-maintains`, 'controller', { statement: 'The conditions are the region’s standard ones.' }).expect(200);
    const closed = (await post(`/v1/appeals/${appeal.id}/forward`, 'caseworker', { statement: 'The conditions follow from sundhedsloven § 46; the decision is maintained.' }).expect(200)).body;
    expect(closed).toMatchObject({ state: 'maintained', appealBody: null, closedAt: expect.any(String) });
    expect(JSON.stringify((await get('/v1/me/notifications?kind=appeal_maintained', 'researcher').expect(200)).body.items)).toContain('grundloven § 63');
    expect(await actions(c.id)).toContain('decision.appeal_maintained');
  });

  /** A case whose one part (Region Midtjylland's patient records, collaborative) the controller decided with `outcome`. */
  async function decidedByController(outcome: 'approved' | 'rejected') {
    const { case: c } = await submitAndScreen(t, tokens.researcher, completeApplication({ dataRequests: [dataRequest('epj-region-midtjylland')] }));
    const part = c.subCases[0].id;
    await post(`/v1/cases/${c.id}/claim`, 'caseworker').expect(200);
    await post(`/v1/cases/${c.id}/sub-cases/${part}/recommendations`, 'caseworker', { outcome: 'approved', reasoning: 'Proportionate.' }).expect(201);
    const body =
      outcome === 'approved'
        ? { outcome, legalBasis: 'Sundhedsloven § 46, stk. 2', reasoning: 'As recommended.' }
        : { outcome, legalBasis: 'Sundhedsloven § 46, stk. 2', reasoning: 'The linkage key is not described.', departureReason: 'The screening cannot see the linkage key.' };
    const { decision } = (await post(`/v1/cases/${c.id}/sub-cases/${part}/controller-decision`, 'controller', body).expect(201)).body;
    return { caseId: c.id as string, part: part as string, decision: decision as { id: string } };
  }
  const controllerSteps = async (caseId: string, who = 'controller') => (await get(`/v1/cases/${caseId}`, who).expect(200)).body.subCases[0].nextSteps as { command: string; appealId: string | null; reopeningRequestId: string | null }[];
  const changed = { outcome: 'approved', legalBasis: 'Sundhedsloven § 46, stk. 2', reasoning: 'On reconsideration the linkage key is described in the protocol.' };

  it('asks the controller to reconsider an appeal against its own decision; the controller changes it, superseding the old, which closes the appeal as decision_changed', async () => {
    const { caseId, part, decision } = await decidedByController('rejected');
    // A decided part takes no second controller decision unless an appeal or a reopening asks for one.
    expect((await post(`/v1/cases/${caseId}/sub-cases/${part}/controller-decision`, 'controller', changed).expect(409)).body.type).toContain('no-reconsideration');
    expect(await controllerSteps(caseId)).toEqual([]);

    const appeal = (await post(`/v1/cases/${caseId}/appeals`, 'caseworker', { decisionId: decision.id, receivedOn: '2027-03-01', from: 'Mette Jensen', grounds: 'The protocol describes the linkage key.' }).expect(201)).body;
    expect(appeal).toMatchObject({ state: 'reconsidering', controllerOrg: '29190925', awaitingController: true, controllerStatement: null });
    // The controller is asked, sees the appeal on its case and is offered to change or maintain the decision.
    expect(JSON.stringify((await get('/v1/me/notifications?kind=appeal_to_reconsider', 'controller').expect(200)).body.items)).toContain('Klage');
    expect((await get(`/v1/cases/${caseId}`, 'controller').expect(200)).body.openReconsiderations).toEqual([expect.objectContaining({ id: appeal.id, kind: 'appeal', awaitingController: true })]);
    expect(await controllerSteps(caseId)).toEqual([
      expect.objectContaining({ command: 'controller_decide', appealId: appeal.id }),
      expect.objectContaining({ command: 'controller_maintain', appealId: appeal.id }),
    ]);
    // The contact point cannot forward it past the controller, nor decide on the controller's part.
    expect((await post(`/v1/appeals/${appeal.id}/forward`, 'caseworker', { statement: 'Maintained.' }).expect(409)).body.type).toContain('controller-reconsidering');
    expect((await get(`/v1/cases/${caseId}`, 'caseworker').expect(200)).body.subCases[0].nextSteps.map((s: { command: string }) => s.command)).not.toContain('forward_appeal');
    await post(`/v1/cases/${caseId}/sub-cases/${part}/controller-decision`, 'caseworker', changed).expect(403);
    // Another region's controller learns nothing of it.
    await post(`/v1/cases/${caseId}/sub-cases/${part}/controller-decision`, 'otherController', changed).expect(404);
    await post(`/v1/appeals/${appeal.id}/controller-maintains`, 'otherController', { statement: 'Not ours.' }).expect(404);

    const { decision: next, permit } = (await post(`/v1/cases/${caseId}/sub-cases/${part}/controller-decision`, 'controller', changed).expect(201)).body;
    expect(next).toMatchObject({ outcome: 'approved', supersedes: decision.id });
    expect(permit).toMatchObject({ number: expect.any(String) });
    expect(await reconsiderations(caseId)).toEqual([expect.objectContaining({ id: appeal.id, state: 'decision_changed', newDecisionId: next.id, awaitingController: false, closedAt: expect.any(String) })]);
    expect((await get(`/v1/decisions/${decision.id}`, 'caseworker').expect(200)).body.supersededBy).toBe(next.id);
    expect(await actions(caseId)).toEqual(expect.arrayContaining(['decision.appeal_registered', 'decision.corrected']));
    expect((await get('/v1/me/notifications?kind=permit_issued', 'researcher').expect(200)).body.items.some((n: { caseId: string }) => n.caseId === caseId)).toBe(true);
    // Answered: nothing more to decide, nothing left to forward.
    expect((await post(`/v1/cases/${caseId}/sub-cases/${part}/controller-decision`, 'controller', changed).expect(409)).body.type).toContain('no-reconsideration');
    expect((await post(`/v1/appeals/${appeal.id}/forward`, 'caseworker', { statement: 'Maintained.' }).expect(409)).body.type).toContain('appeal-closed');
    expect(await controllerSteps(caseId)).toEqual([]);
  });

  it('lets the controller maintain its decision on appeal, once, after which the contact point forwards the appeal as today', async () => {
    const { caseId, decision } = await decidedByController('rejected');
    const appeal = (await post(`/v1/cases/${caseId}/appeals`, 'caseworker', { decisionId: decision.id, receivedOn: '2027-03-01', from: 'Mette Jensen', grounds: 'Unfair.' }).expect(201)).body;
    const empty = await post(`/v1/appeals/${appeal.id}/controller-maintains`, 'controller', { statement: '' }).expect(400);
    expect(empty.body.errors[0].field).toBe('statement');
    const maintained = (await post(`/v1/appeals/${appeal.id}/controller-maintains`, 'controller', { statement: 'The linkage key is still not described.' }).expect(200)).body;
    expect(maintained).toMatchObject({ state: 'reconsidering', awaitingController: false, controllerStatement: 'The linkage key is still not described.', controllerAnsweredAt: expect.any(String) });
    expect((await post(`/v1/appeals/${appeal.id}/controller-maintains`, 'controller', { statement: 'Again.' }).expect(409)).body.type).toContain('controller-answered');
    expect(JSON.stringify((await get('/v1/me/notifications?kind=appeal_maintained_by_controller', 'caseworker').expect(200)).body.items)).toContain('linkage key');
    // Maintained, it is no longer the controller's to change; the contact point forwards (here: closes, no appeal body exists).
    expect((await post(`/v1/cases/${caseId}/sub-cases/${(await get(`/v1/cases/${caseId}`, 'caseworker')).body.subCases[0].id}/controller-decision`, 'controller', changed).expect(409)).body.type).toContain('no-reconsideration');
    expect((await get(`/v1/cases/${caseId}`, 'caseworker').expect(200)).body.subCases[0].nextSteps).toEqual(expect.arrayContaining([expect.objectContaining({ command: 'forward_appeal', appealId: appeal.id })]));
    const closed = (await post(`/v1/appeals/${appeal.id}/forward`, 'caseworker', { statement: 'The controller maintains its decision.' }).expect(200)).body;
    expect(closed).toMatchObject({ state: 'maintained', controllerStatement: 'The linkage key is still not described.' });
    expect(await actions(caseId)).toEqual(expect.arrayContaining(['decision.appeal_maintained_by_controller', 'decision.appeal_maintained']));
  });

  it('has the controller decide anew on a reopened collaborative part, which closes the request as decision_changed', async () => {
    const { caseId, part, decision } = await decidedByController('rejected');
    const request_ = (await post(`/v1/cases/${caseId}/reopening-requests`, 'caseworker', { decisionId: decision.id, receivedOn: '2027-03-01', from: 'Mette Jensen', grounds: 'New protocol version.' }).expect(201)).body;
    expect(request_).toMatchObject({ state: 'requested', controllerOrg: '29190925', awaitingController: false });
    // Not yet reopened: nothing for the controller to decide.
    expect((await post(`/v1/cases/${caseId}/sub-cases/${part}/controller-decision`, 'controller', changed).expect(409)).body.type).toContain('no-reconsideration');
    await post(`/v1/reopening-requests/${request_.id}/decision`, 'caseworker', { reopen: true, reasons: 'The new protocol version is a new fact of weight.' }).expect(200);
    expect(JSON.stringify((await get('/v1/me/notifications?kind=reopened_to_decide', 'controller').expect(200)).body.items)).toContain('genoptaget');
    expect(await controllerSteps(caseId)).toEqual([expect.objectContaining({ command: 'controller_decide', reopeningRequestId: request_.id })]);
    const { decision: next } = (await post(`/v1/cases/${caseId}/sub-cases/${part}/controller-decision`, 'controller', changed).expect(201)).body;
    expect(next.supersedes).toBe(decision.id);
    expect(await reconsiderations(caseId)).toEqual([expect.objectContaining({ id: request_.id, state: 'decision_changed', newDecisionId: next.id })]);
    expect(await actions(caseId)).toEqual(expect.arrayContaining(['decision.reopening_granted', 'decision.corrected']));
  });

  it('tells the case’s caseworker and the legal approvers once when an appeal or a request to reopen is not answered in time', async () => {
    t.clock.set(new Date('2027-04-01T08:00:00Z'));
    const sweep = () => post('/v1/dev/sweeps', 'admin').expect(200);
    const notices = async (who: string, kind: string, number: string) => (await get(`/v1/me/notifications?kind=${kind}&case=${number}`, who).expect(200)).body.items;
    const { caseId, decision } = await decided(refusal);
    const { number } = (await get(`/v1/cases/${caseId}`, 'caseworker').expect(200)).body;
    const letter = { decisionId: decision.id, receivedOn: '2027-04-01', from: 'Anne Jensen', grounds: 'The protocol shows the importance.' };
    const appeal = (await post(`/v1/cases/${caseId}/appeals`, 'caseworker', letter).expect(201)).body;
    const reopening = (await post(`/v1/cases/${caseId}/reopening-requests`, 'caseworker', letter).expect(201)).body;
    // Both are to be answered within 21 days of receipt (APPEAL_RECONSIDERATION_DAYS here): by the end of 22 April, Danish summer time.
    expect([appeal.reconsiderBy, reopening.reconsiderBy]).toEqual(['2027-04-22T21:59:59.999Z', '2027-04-22T21:59:59.999Z']);

    // Late on the last day nobody is told yet.
    t.clock.set(new Date('2027-04-22T21:30:00Z'));
    await sweep();
    expect(await notices('caseworker', 'appeal_reconsideration_overdue', number)).toEqual([]);
    expect((await get(`/v1/cases/${caseId}`, 'caseworker').expect(200)).body.openReconsiderations.map((r: { overdue: boolean }) => r.overdue)).toEqual([false, false]);

    // The day after, the sweep tells the caseworker holding the case and the legal approvers — once, however often it runs.
    t.clock.set(new Date('2027-04-23T08:00:00Z'));
    await sweep();
    await sweep();
    for (const who of ['caseworker', 'approver']) {
      expect(await notices(who, 'appeal_reconsideration_overdue', number)).toEqual([expect.objectContaining({ title: expect.objectContaining({ en: expect.stringContaining(number) }), createdAt: expect.stringMatching(/^2027-04-23T/) })]);
      expect(await notices(who, 'reopening_request_overdue', number)).toHaveLength(1);
    }
    expect(await notices('researcher', 'appeal_reconsideration_overdue', number)).toEqual([]);
    const trail = await actions(caseId);
    expect(trail.filter((a: string) => a === 'decision.appeal_reconsideration_overdue')).toHaveLength(1);
    expect(trail.filter((a: string) => a === 'decision.reopening_request_overdue')).toHaveLength(1);

    // The case shows both as overdue to staff until they are answered.
    const open = (await get(`/v1/cases/${caseId}`, 'approver').expect(200)).body.openReconsiderations;
    expect(open).toEqual(expect.arrayContaining([expect.objectContaining({ id: appeal.id, overdue: true }), expect.objectContaining({ id: reopening.id, overdue: true })]));
    await post(`/v1/appeals/${appeal.id}/forward`, 'approver', { statement: 'The decision is maintained.' }).expect(200);
    expect((await get(`/v1/cases/${caseId}`, 'approver').expect(200)).body.openReconsiderations).toEqual([expect.objectContaining({ id: reopening.id, overdue: true })]);
  });
});
