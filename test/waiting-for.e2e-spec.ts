import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest, submitAndScreen } from './support/applications';
import { waitFor } from './support/wait';

/**
 * Whom a case waits on (issue 11), with since-when and the deadline that applies, as business time
 * moves on: the caseworker by the statutory clock (EHDS art. 68(4): 3 months from a complete
 * application), the region's advisors by the consultation's deadline, the applicant by the 4 weeks
 * to complete the application, the controller and the legal approver by the statutory clock again —
 * and the history of those waits, the raw material of lead-time statistics.
 */
describe('waitingFor and the waiting history (e2e)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const HOUR = 60 * 60 * 1000;
  const DAY = 24 * HOUR;
  let caseId: string;
  let applicationId: string;
  let lpr: string;
  let epj: string;
  const at: Record<string, number> = {};

  const get = (path: string, who: string) => request(t.server).get(path).set(bearer(tokens[who]));
  const post = (path: string, who: string, body: object = {}) => request(t.server).post(path).set(bearer(tokens[who])).send(body);
  const caseAs = async (who: string) => (await get(`/v1/cases/${caseId}`, who).expect(200)).body;
  // The case as supertest gives it, untyped (test/client.e2e-spec.ts reads it through the typed client).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const part = (c: any, id: string) => c.subCases.find((s: { id: string }) => s.id === id);
  /** Business time of a command: between the clock before and after the request. */
  async function timed<T>(name: string, action: () => Promise<T>): Promise<T> {
    const before = t.clock.now().getTime();
    const result = await action();
    at[name] = before;
    at[`${name}:after`] = t.clock.now().getTime();
    return result;
  }
  const within = (iso: string, name: string) => {
    const ms = Date.parse(iso);
    expect(ms).toBeGreaterThanOrEqual(at[name]);
    expect(ms).toBeLessThanOrEqual(at[`${name}:after`]);
  };

  beforeAll(async () => {
    t = await startTestApp('waiting_for');
    // Monday 1 March 2027, 09:00 in Copenhagen.
    t.clock.set(new Date('2027-03-01T08:00:00Z'));
    const people = {
      researcher: { sub: 'r-1', role: 'researcher', organisation: '31119103' },
      caseworker: { sub: 'cw-1', role: 'caseworker', organisation: '33257872' },
      approver: { sub: 'la-1', role: 'legal_approver', organisation: '33257872' },
      advisor: { sub: 'adv-rm', role: 'advisor', region: 'region-midtjylland' },
      controller: { sub: 'ctl-rm', role: 'controller', organisation: '29190925' },
      auditor: { sub: 'aud-1', role: 'auditor' },
    } as const;
    for (const [name, actor] of Object.entries(people)) tokens[name] = await t.token(actor);
    const opened = await timed('screened', () =>
      submitAndScreen(t, tokens.researcher, completeApplication({ dataRequests: [dataRequest('lpr'), dataRequest('epj-region-midtjylland')] })),
    );
    caseId = opened.case.id;
    applicationId = opened.applicationId;
    [lpr, epj] = opened.case.subCases.map((s: { id: string }) => s.id);
  });
  afterAll(() => t.close());

  it('after screening waits on the caseworker by the statutory clock and on the consulted region by its deadline', async () => {
    const c = await caseAs('caseworker');
    // EHDS art. 68(4): 3 months from the complete application of 1 March 2027 — Tuesday 1 June 2027, end of the day in Copenhagen (CEST).
    const statutory = '2027-06-01T21:59:59.999Z';
    expect(part(c, lpr).clock.dueAt).toBe(statutory);
    expect(part(c, lpr).waitingFor).toEqual([{ party: 'caseworker', role: 'caseworker', subCaseIds: [lpr], since: expect.any(String), deadline: statutory, deadlineKind: 'statutory' }]);
    within(part(c, lpr).waitingFor[0].since, 'screened');
    const consultation = c.consultations.find((k: { subCaseId: string; origin: string }) => k.subCaseId === epj && k.origin === 'rule');
    expect(consultation.advisorRegion).toBe('region-midtjylland');
    // The rules give an advisor 14 days to answer: to the end of Monday 15 March 2027 in Copenhagen (CET).
    expect(consultation.deadline).toBe('2027-03-15T22:59:59.999Z');
    expect(part(c, epj).waitingFor).toEqual([
      expect.objectContaining({ party: 'caseworker', deadline: statutory, deadlineKind: 'statutory' }),
      expect.objectContaining({ party: 'advisor:region-midtjylland', role: 'advisor', deadline: consultation.deadline, deadlineKind: 'consultation' }),
    ]);
    // The case lists each party once, with the parts that wait on it.
    expect(c.waitingFor.map((w: { party: string; subCaseIds: string[] }) => [w.party, w.subCaseIds])).toEqual([
      ['caseworker', [lpr, epj]],
      ['advisor:region-midtjylland', [epj]],
    ]);
    // The applicant is not shown whom the contact point consults.
    expect((await caseAs('researcher')).waitingFor.map((w: { party: string }) => w.party)).toEqual(['caseworker']);
  });

  it('waits on the applicant by the 4-week completion deadline while the clock stands still', async () => {
    t.clock.advance(2 * DAY);
    const requested = await timed('supplement', async () => (await post(`/v1/cases/${caseId}/supplement-requests`, 'caseworker', { questions: ['Which ethics approval covers the linkage?'] }).expect(201)).body);
    // 4 weeks from Wednesday 3 March 2027: Wednesday 31 March, end of the day in Copenhagen (CEST from 28 March).
    expect(requested.answerDueAt).toBe('2027-03-31T21:59:59.999Z');
    const mine = await caseAs('researcher');
    expect(mine.waitingFor).toEqual([{ party: 'applicant', role: 'applicant', subCaseIds: [lpr, epj], since: expect.any(String), deadline: '2027-03-31T21:59:59.999Z', deadlineKind: 'supplement' }]);
    within(mine.waitingFor[0].since, 'supplement');
    expect(mine.supplementRequests).toEqual([{ id: requested.id, subCaseId: null, questions: ['Which ethics approval covers the linkage?'], requestedAt: requested.requestedAt, answerDueAt: '2027-03-31T21:59:59.999Z' }]);
    expect(mine.nextSteps.map((s: { command: string }) => s.command)).toEqual(['edit_draft', 'check', 'resubmit', 'withdraw']);
    // The consulted region still owes its answer.
    expect(part(await caseAs('caseworker'), epj).waitingFor.map((w: { party: string }) => w.party)).toEqual(['applicant', 'advisor:region-midtjylland']);

    t.clock.advance(5 * DAY);
    const [consultation] = (await get('/v1/consultations', 'advisor').expect(200)).body.items;
    await timed('answered', () => post(`/v1/consultations/${consultation.id}/answer`, 'advisor', { answer: 'The variables are available.' }).expect(200));
    expect(part(await caseAs('caseworker'), epj).waitingFor.map((w: { party: string }) => w.party)).toEqual(['applicant']);
  });

  it('after resubmission and re-screening waits on the caseworker by the moved deadline, then on the controller and a legal approver', async () => {
    t.clock.advance(3 * DAY);
    await timed('resubmitted', () => post(`/v1/applications/${applicationId}/resubmit`, 'researcher', { answers: ['VEK approval 1-10-72-123-25 covers it.'] }).expect(202));
    const rescreened = await waitFor(async () => {
      const c = await caseAs('caseworker');
      return c.state === 'in_review' ? c : undefined;
    }, 20000, 'the re-screening');
    // The statutory deadline moved on by the time the clock stood still.
    const moved = part(rescreened, lpr).clock.dueAt;
    expect(Date.parse(moved)).toBeGreaterThan(Date.parse('2027-06-01T21:59:59.999Z'));
    expect(part(rescreened, lpr).waitingFor).toEqual([expect.objectContaining({ party: 'caseworker', deadline: moved })]);

    t.clock.advance(DAY);
    await timed('recommended', () => post(`/v1/cases/${caseId}/sub-cases/${epj}/recommendations`, 'caseworker', { outcome: 'approved', reasoning: 'Proportionate.' }).expect(201));
    const draft = await timed('drafted', async () =>
      (await post(`/v1/cases/${caseId}/sub-cases/${lpr}/decision-drafts`, 'caseworker', { outcome: 'approved', legalBasis: 'EHDS art. 68', reasoning: 'Meets the requirements.', conditions: [] }).expect(201)).body,
    );
    const c = await caseAs('caseworker');
    expect(part(c, epj).waitingFor).toEqual([expect.objectContaining({ party: 'controller:29190925', role: 'controller', deadlineKind: 'statutory' })]);
    within(part(c, epj).waitingFor[0].since, 'recommended');
    expect(part(c, lpr).waitingFor).toEqual([expect.objectContaining({ party: 'legal_approver', role: 'legal_approver', deadline: moved, deadlineKind: 'statutory' })]);
    expect(c.pendingDrafts.map((d: { id: string }) => d.id)).toEqual([draft.id]);
    // The controller sees only its own part and whom it waits on: itself.
    const asController = await caseAs('controller');
    expect(asController.subCases.map((s: { id: string }) => s.id)).toEqual([epj]);
    expect(asController.waitingFor.map((w: { party: string }) => w.party)).toEqual(['controller:29190925']);
  });

  it('keeps the history of every wait for staff and auditors: who, from when to when, and whether the deadline held', async () => {
    t.clock.advance(2 * DAY);
    await timed('issued', async () => {
      const drafts = (await caseAs('approver')).pendingDrafts;
      await post(`/v1/decision-drafts/${drafts[0].id}/issue`, 'approver').expect(201);
    });
    const history = (await get(`/v1/cases/${caseId}/waiting-history`, 'caseworker').expect(200)).body;
    expect(history).toMatchObject({ caseId, number: expect.stringMatching(/^EK-2027-/) });
    const of = (subCaseId: string) => history.items.filter((w: { subCaseId: string }) => w.subCaseId === subCaseId).map((w: { party: string; until: string | null; metDeadline: boolean | null }) => [w.party, w.until === null ? 'open' : 'ended', w.metDeadline]);
    expect(of(lpr)).toEqual([
      ['caseworker', 'ended', true],
      ['applicant', 'ended', true],
      ['caseworker', 'ended', true],
      ['legal_approver', 'ended', true],
    ]);
    expect(of(epj)).toEqual([
      ['advisor:region-midtjylland', 'ended', true],
      ['caseworker', 'ended', true],
      ['applicant', 'ended', true],
      ['caseworker', 'ended', true],
      ['controller:29190925', 'open', null],
    ]);
    // How long each wait lasted, in business time: 2 days on the caseworker, 8 on the applicant, 7 on the advisor.
    const first = (subCaseId: string, party: string) => history.items.find((w: { subCaseId: string; party: string }) => w.subCaseId === subCaseId && w.party === party);
    expect(first(lpr, 'caseworker').hours).toBeCloseTo(48, 0);
    expect(first(lpr, 'applicant').hours).toBeCloseTo(8 * 24, 0);
    expect(first(epj, 'advisor:region-midtjylland').hours).toBeCloseTo(7 * 24, 0);
    within(first(lpr, 'applicant').since, 'supplement');
    within(first(lpr, 'applicant').until, 'resubmitted');
    within(first(lpr, 'legal_approver').until, 'issued');
    expect(first(lpr, 'applicant')).toMatchObject({ deadlineKind: 'supplement', deadline: '2027-03-31T21:59:59.999Z' });
    // While the resubmitted application is screened, it waits on nobody: the caseworker's second wait starts after the applicant's ended.
    const again = history.items.filter((w: { subCaseId: string; party: string }) => w.subCaseId === lpr && w.party === 'caseworker')[1];
    expect(Date.parse(again.since)).toBeGreaterThanOrEqual(Date.parse(first(lpr, 'applicant').until));

    await get(`/v1/cases/${caseId}/waiting-history`, 'auditor').expect(200);
    await get(`/v1/cases/${caseId}/waiting-history`, 'researcher').expect(403);
    await get(`/v1/cases/${caseId}/waiting-history`, 'controller').expect(403);
  });
});
