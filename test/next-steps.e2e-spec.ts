import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest, submitAndScreen } from './support/applications';

/**
 * The case tells each person what to do next (issue 11). At several points of a case's life, for
 * every role: each command the case lists for that person is accepted when they run it (on a copy
 * of the case brought to the same point through the API), and each command it does not list is
 * refused (403, 404 or 409) — so the list is the API's own answer, not a guess.
 */
describe('next steps per sub-case: listed means accepted, unlisted means refused (e2e)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const people = {
    researcher: { sub: 'r-1', role: 'researcher', organisation: '31119103' },
    caseworker: { sub: 'cw-1', role: 'caseworker', organisation: '33257872' },
    otherCaseworker: { sub: 'cw-2', role: 'caseworker', organisation: '33257872' },
    conflictedCaseworker: { sub: 'cw-3', role: 'caseworker', organisation: '33257872' },
    approver: { sub: 'la-1', role: 'legal_approver', organisation: '33257872' },
    drafterAsApprover: { sub: 'cw-1', role: 'legal_approver', organisation: '33257872' },
    advisor: { sub: 'adv-rm', role: 'advisor', region: 'region-midtjylland' },
    controller: { sub: 'ctl-rm', role: 'controller', organisation: '29190925' },
    auditor: { sub: 'aud-1', role: 'auditor' },
  } as const;
  type Who = keyof typeof people;
  const everyone = Object.keys(people) as Who[];

  interface Step {
    command: string;
    subCaseId: string | null;
    draftId: string | null;
    consultationId: string | null;
    legalMatterId: string | null;
    permitId: string | null;
    hearingId: string | null;
    appealId: string | null;
    reopeningRequestId: string | null;
    approvalBlockedBy: string[] | null;
  }
  // The case as the API answers it (the e2e reads it untyped, as supertest gives it).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type CaseView = any;
  interface CaseCopy {
    caseId: string;
    applicationId: string;
  }

  const get = (path: string, who: Who) => request(t.server).get(path).set(bearer(tokens[who]));
  const send = (method: 'post' | 'patch' | 'put', path: string, who: Who, body: object = {}) => request(t.server)[method](path).set(bearer(tokens[who])).send(body);
  const view = async (c: CaseCopy, who: Who) => (await get(`/v1/cases/${c.caseId}`, who)).body;
  const staffView = (c: CaseCopy) => view(c, 'caseworker');
  const sourceOf = (v: CaseView, subCaseId: string | null): string | null => v.subCases.find((s: { id: string }) => s.id === subCaseId)?.dataSourceId ?? null;

  /** Every step listed for `who`, case-level and per sub-case, each tagged with the source of its part. */
  async function listed(c: CaseCopy, who: Who): Promise<Step[]> {
    const res = await get(`/v1/cases/${c.caseId}`, who);
    if (res.status === 404) return [];
    expect(res.status).toBe(200);
    const v = res.body;
    for (const s of v.subCases) for (const step of s.nextSteps) expect(step.subCaseId).toBe(s.id);
    return [...v.nextSteps, ...v.subCases.flatMap((s: { nextSteps: Step[] }) => s.nextSteps)];
  }

  /** Each step without its ids: what stays the same on another copy brought to the same point. */
  async function shapesOf(c: CaseCopy, steps: Step[]): Promise<string[]> {
    if (steps.length === 0) return [];
    const v = await staffView(c);
    return steps.map((step) => shapeIn(v, step));
  }

  function shapeIn(v: CaseView, step: Step): string {
    const matter = v.legalMatters.find((m: { id: string }) => m.id === step.legalMatterId);
    const consultation = (v.consultations ?? []).find((k: { id: string }) => k.id === step.consultationId);
    return JSON.stringify([step.command, sourceOf(v, step.subCaseId), !!step.draftId, consultation?.topic ?? null, matter?.code ?? null, !!step.permitId, step.approvalBlockedBy?.length ?? 0]);
  }

  /** Runs a command through its route with a valid body (built from `v`, the case as staff see it); the answer's status. */
  async function run(c: CaseCopy, v: CaseView, who: Who, step: Step): Promise<number> {
    const sub = v.subCases.find((s: { id: string }) => s.id === step.subCaseId);
    const verdict = sub?.screening?.verdict ?? 'approve';
    const decision = (outcome: string) => ({
      outcome,
      legalBasis: 'EHDS art. 68; databeskyttelsesloven § 10',
      reasoning: 'The application meets the requirements.',
      ...((verdict === 'approve' && outcome === 'rejected') || (verdict === 'deny' && outcome !== 'rejected') ? { departureReason: 'Tested departure.' } : {}),
    });
    const outcome = verdict === 'deny' || step.approvalBlockedBy?.length ? 'rejected' : 'approved';
    // A refusal the contact point drafts states why no hearing was needed (forvaltningsloven § 19, stk. 2).
    const dispensed = outcome === 'rejected' ? { hearingDispensedReason: 'The refusal rests only on facts the applicant supplied.' } : {};
    const openKinds = v.legalMatters.filter((m: { subCaseId: string; state: string }) => m.subCaseId === step.subCaseId && m.state === 'open').map((m: { kind: string }) => m.kind);
    const kind = ['transfer_tool', 'private_company_contract', 'controller_roles', 'data_processing_agreement'].find((k) => !openKinds.includes(k));
    const casePath = `/v1/cases/${c.caseId}`;
    const res = await (() => {
      switch (step.command) {
        case 'claim':
        case 'release':
          return send('post', `${casePath}/${step.command}`, who);
        case 'request_rescreen':
          return send('post', `${casePath}/rescreen`, who);
        case 'assign':
          return send('post', `${casePath}/assign`, who, { assignee: 'cw-2' });
        case 'add_note':
          return send('post', `${casePath}/notes`, who, { text: 'Checked the linkage.', visibility: 'internal' });
        case 'consult':
          return send('post', `${casePath}/consultations`, who, {
            advisorRegion: 'region-midtjylland',
            question: 'Are the variables available?',
            deadline: new Date(t.clock.now().getTime() + 10 * DAY).toISOString(),
            ...(step.subCaseId ? { subCaseId: step.subCaseId } : {}),
          });
        case 'request_supplement':
          return send('post', `${casePath}/supplement-requests`, who, { questions: ['Which ethics approval covers the linkage?'] });
        case 'extend_clock':
          return send('post', `${casePath}/clock/extensions`, who, { months: 1, reason: 'The controller needs more time.' });
        case 'withdraw':
          return send('post', `/v1/applications/${c.applicationId}/withdraw`, who, { reason: 'No longer needed.' });
        case 'edit_draft':
          return send('patch', `/v1/applications/${c.applicationId}`, who, { title: 'Long-term outcomes after stroke (revised)' });
        case 'check':
          return send('post', `/v1/applications/${c.applicationId}/check`, who);
        case 'resubmit':
          return send('post', `/v1/applications/${c.applicationId}/resubmit`, who, { answers: ['VEK approval 1-10-72-123-25 covers the linkage.'] });
        case 'open_legal_matter':
          return send('post', `${casePath}/legal-matters`, who, { subCaseId: step.subCaseId, kind, description: { da: 'Aftale mangler', en: 'Agreement missing' } });
        case 'resolve_legal_matter':
          return send('post', `${casePath}/legal-matters/${step.legalMatterId}/resolve`, who, { documentReference: 'J.nr. 2027-31-0001' });
        case 'answer_consultation':
          return send('post', `/v1/consultations/${step.consultationId}/answer`, who, { answer: 'The variables are available.' });
        case 'draft_decision':
          return send('post', `${casePath}/sub-cases/${step.subCaseId}/decision-drafts`, who, { ...decision(outcome), ...dispensed, conditions: [] });
        case 'recommend': {
          const { legalBasis: _legalBasis, ...recommendation } = decision(outcome);
          return send('post', `${casePath}/sub-cases/${step.subCaseId}/recommendations`, who, recommendation);
        }
        case 'controller_decide':
          return send('post', `${casePath}/sub-cases/${step.subCaseId}/controller-decision`, who, decision(outcome));
        case 'issue_decision':
          return send('post', `/v1/decision-drafts/${step.draftId}/issue`, who);
        case 'return_draft':
          return send('post', `/v1/decision-drafts/${step.draftId}/return`, who, { reason: 'Say more about minimisation.' });
        case 'revoke_permit':
          return send('post', `/v1/permits/${step.permitId}/revoke`, who, { reason: 'Breach of the permit conditions.' });
        case 'hear_permit_holder':
          return send('post', `/v1/permits/${step.permitId}/hearings`, who, { grounds: 'Results with small cells were published.' });
        case 'hear_party':
          return send('post', `${casePath}/sub-cases/${step.subCaseId}/hearings`, who, { draftGrounds: 'The data requested exceed what the purpose needs.' });
        case 'answer_hearing':
          return send('post', `/v1/hearings/${step.hearingId}/answer`, who, { answer: 'The variables are all needed.' });
        default:
          throw new Error(`no route for ${step.command}`);
      }
    })();
    if (res.status >= 400 && ![403, 404, 409].includes(res.status)) throw new Error(`${who} ${step.command}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.status;
  }

  const DAY = 24 * 60 * 60 * 1000;
  const step = (command: string, extra: Partial<Step> = {}): Step => ({ command, subCaseId: null, draftId: null, consultationId: null, legalMatterId: null, permitId: null, hearingId: null, appealId: null, reopeningRequestId: null, approvalBlockedBy: null, ...extra });

  /** Every command that changes something, on every object of the case a staff member can see. */
  async function candidates(c: CaseCopy, v: CaseView): Promise<Step[]> {
    const perCase = ['claim', 'release', 'assign', 'add_note', 'request_rescreen', 'consult', 'request_supplement', 'extend_clock', 'withdraw', 'edit_draft', 'resubmit'].map((command) => step(command));
    const perSubCase = v.subCases.flatMap((s: { id: string }) =>
      ['draft_decision', 'recommend', 'controller_decide', 'consult', 'open_legal_matter', 'hear_party'].map((command) => step(command, { subCaseId: s.id })),
    );
    const onObjects = [
      ...(v.pendingDrafts ?? []).flatMap((d: { id: string; subCaseId: string }) => ['issue_decision', 'return_draft'].map((command) => step(command, { subCaseId: d.subCaseId, draftId: d.id }))),
      ...v.legalMatters.filter((m: { state: string }) => m.state === 'open').map((m: { id: string; subCaseId: string }) => step('resolve_legal_matter', { subCaseId: m.subCaseId, legalMatterId: m.id })),
      ...(v.consultations ?? []).filter((k: { state: string }) => k.state === 'open').map((k: { id: string; subCaseId: string | null }) => step('answer_consultation', { subCaseId: k.subCaseId, consultationId: k.id })),
    ];
    const decided = (await get(`/v1/cases/${c.caseId}/decisions`, 'caseworker')).body;
    const permits = decided.permits ?? [];
    const onHearings = (decided.hearings ?? [])
      .filter((h: { kind: string; answeredAt: string | null }) => h.kind === 'held' && h.answeredAt === null)
      .map((h: { id: string; subCaseId: string }) => step('answer_hearing', { subCaseId: h.subCaseId, hearingId: h.id }));
    const onPermits = permits
      .filter((p: { state: string }) => p.state === 'active')
      .flatMap((p: { id: string }) => ['revoke_permit', 'hear_permit_holder'].map((command) => step(command, { permitId: p.id })));
    return [...perCase, ...perSubCase, ...onObjects, ...onPermits, ...onHearings];
  }

  const sameTarget = (a: Step, b: Step) =>
    a.command === b.command && a.subCaseId === b.subCaseId && a.draftId === b.draftId && a.consultationId === b.consultationId && a.legalMatterId === b.legalMatterId && a.permitId === b.permitId && a.hearingId === b.hearingId;

  // Points of a case's life, each reached from a new submission through the API.
  async function inReview(): Promise<CaseCopy> {
    const { applicationId, case: c } = await submitAndScreen(t, tokens.researcher, completeApplication({ dataRequests: [dataRequest('lpr'), dataRequest('epj-region-midtjylland')] }));
    return { caseId: c.id, applicationId };
  }
  async function awaitingApplicant(): Promise<CaseCopy> {
    const c = await inReview();
    expect((await send('post', `/v1/cases/${c.caseId}/supplement-requests`, 'caseworker', { questions: ['Which ethics approval covers the linkage?'] })).status).toBe(201);
    return c;
  }
  async function hearingOut(): Promise<CaseCopy> {
    const c = await inReview();
    const [lpr] = (await staffView(c)).subCases;
    await send('post', `/v1/cases/${c.caseId}/claim`, 'caseworker').expect(200);
    await send('post', `/v1/cases/${c.caseId}/sub-cases/${lpr.id}/hearings`, 'caseworker', { draftGrounds: 'The variables exceed the purpose.' }).expect(201);
    return c;
  }
  async function inApproval(): Promise<CaseCopy> {
    const c = await inReview();
    const v = await staffView(c);
    const [lpr, epj] = v.subCases;
    await send('post', `/v1/cases/${c.caseId}/claim`, 'caseworker').expect(200);
    await send('post', `/v1/cases/${c.caseId}/sub-cases/${lpr.id}/decision-drafts`, 'caseworker', { outcome: 'approved', legalBasis: 'EHDS art. 68', reasoning: 'Meets the requirements.', conditions: [] }).expect(201);
    await send('post', `/v1/cases/${c.caseId}/sub-cases/${epj.id}/recommendations`, 'caseworker', { outcome: 'approved', reasoning: 'Proportionate.' }).expect(201);
    await send('post', `/v1/cases/${c.caseId}/legal-matters`, 'caseworker', { subCaseId: epj.id, kind: 'controller_roles', description: { da: 'Dataansvar afklares', en: 'Controller roles to settle' } }).expect(201);
    return c;
  }
  async function decided(): Promise<CaseCopy> {
    const c = await inApproval();
    const v = await staffView(c);
    const [, epj] = v.subCases;
    await send('post', `/v1/decision-drafts/${v.pendingDrafts[0].id}/issue`, 'approver').expect(201);
    for (const m of v.legalMatters.filter((x: { state: string; subCaseId: string }) => x.state === 'open' && x.subCaseId === epj.id)) {
      await send('post', `/v1/cases/${c.caseId}/legal-matters/${m.id}/resolve`, 'caseworker', { documentReference: 'J.nr. 2027-31-0002' }).expect(200);
    }
    await send('post', `/v1/cases/${c.caseId}/sub-cases/${epj.id}/controller-decision`, 'controller', { outcome: 'approved', legalBasis: 'Sundhedsloven § 46', reasoning: 'As recommended.' }).expect(201);
    expect((await staffView(c)).state).toBe('decided');
    return c;
  }

  beforeAll(async () => {
    t = await startTestApp('next_steps');
    t.clock.set(new Date('2027-03-01T08:00:00Z'));
    for (const [name, actor] of Object.entries(people)) tokens[name] = await t.token(actor);
    // cw-2 becomes known staff (an assignee must have signed in to case work once); cw-3 is not impartial towards the applicant.
    await get('/v1/queues/central', 'otherCaseworker').expect(200);
    await send('put', '/v1/me/conflicts', 'conflictedCaseworker', { organisations: [{ cvr: '31119103', reason: 'Former employer' }] }).expect(200);
  });
  afterAll(() => t.close());

  const points: [string, () => Promise<CaseCopy>][] = [
    ['in review, a consultation out', inReview],
    ['awaiting the applicant', awaitingApplicant],
    ['in review, a hearing before a refusal out', hearingOut],
    ['a draft awaiting approval, a part with its controller, a blocking legal matter', inApproval],
    ['decided with a permit', decided],
  ];

  /** Runs `tasks` at most `width` at a time (each brings a case of its own to a point of its life). */
  async function inParallel<T>(tasks: (() => Promise<T>)[], width = 6): Promise<T[]> {
    const results: T[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: width }, async () => {
        while (next < tasks.length) {
          const i = next++;
          results[i] = await tasks[i]();
        }
      }),
    );
    return results;
  }

  it.each(points)('%s: every listed step is accepted, every other command refused', async (_point, reach) => {
    const base = await reach();
    const baseView = await staffView(base);
    const listings = new Map<Who, Step[]>();
    for (const who of everyone) listings.set(who, await listed(base, who));

    // Listed → accepted: each step on a copy of the case brought to the same point, where it is listed again.
    // One run per role and step (two people of one role are offered the same step on the same grounds),
    // except where who they are decides: the holder releases, nobody claims a held case, four eyes.
    const tasks = new Map<string, () => Promise<void>>();
    for (const who of everyone) {
      const steps = listings.get(who)!;
      for (const [i, shape] of (await shapesOf(base, steps)).entries()) {
        const key = `${['claim', 'release', 'issue_decision'].includes(steps[i].command) ? who : people[who].role} ${shape}`;
        if (tasks.has(key)) continue;
        tasks.set(key, async () => {
          const copy = await reach();
          const again = await listed(copy, who);
          const shapes = await shapesOf(copy, again);
          if (!shapes.includes(shape)) throw new Error(`${who} is not offered ${shape} on a copy at the same point`);
          const status = await run(copy, await staffView(copy), who, again[shapes.indexOf(shape)]);
          if (status >= 300) throw new Error(`${who} was offered ${steps[i].command} (${shape}) but got ${status}`);
        });
      }
    }
    expect(tasks.size).toBeGreaterThan(0);
    await inParallel([...tasks.values()]);

    // Not listed → refused (403, 404 or 409), which changes nothing on the base.
    const everything = await candidates(base, baseView);
    const refusals: (() => Promise<void>)[] = [];
    for (const who of everyone) {
      for (const candidate of everything) {
        if (listings.get(who)!.some((s) => sameTarget(s, candidate))) continue;
        // Claiming a case one already holds is answered 200 and changes nothing: not a step to offer.
        if (candidate.command === 'claim' && baseView.assignee === people[who].sub) continue;
        refusals.push(async () => {
          const status = await run(base, baseView, who, candidate);
          if (status < 300) throw new Error(`${who} was not offered ${candidate.command} ${JSON.stringify(candidate)} but the API accepted it (${status})`);
        });
      }
    }
    await inParallel(refusals);
    expect((await staffView(base)).version).toBe(baseView.version);
  }, 600000);

  it('lists each person’s own work: four eyes, the holder, the controller, the advisor, impartiality', async () => {
    const c = await inApproval();
    const v = await staffView(c);
    const [lpr, epj] = v.subCases;
    const draftId = v.pendingDrafts[0].id;
    const commands = async (who: Who) => (await listed(c, who)).map((s) => `${s.command}${s.subCaseId === lpr.id ? '@lpr' : s.subCaseId === epj.id ? '@epj' : ''}`).sort();
    const matter = v.legalMatters.find((m: { kind: string; subCaseId: string }) => m.kind === 'controller_roles' && m.subCaseId === epj.id);

    // The approval queue and the case show the draft by its id.
    expect(v.pendingDrafts).toEqual([expect.objectContaining({ id: draftId, subCaseId: lpr.id, outcome: 'approved', draftedBy: 'cw-1' })]);
    const queue = (await get('/v1/queues/approval?limit=100', 'approver').expect(200)).body.items.find((i: { id: string }) => i.id === c.caseId);
    expect(queue.subCases.find((s: { id: string }) => s.id === lpr.id).pendingDraftId).toBe(draftId);
    expect(queue.subCases.find((s: { id: string }) => s.id === epj.id).pendingDraftId).toBeNull();

    // The approver may issue or return the draft; the caseworker who drafted it, signed in as approver, only return it.
    const approver = (await listed(c, 'approver')).filter((s) => s.draftId);
    expect(approver.map((s) => s.command).sort()).toEqual(['issue_decision', 'return_draft']);
    expect(approver.every((s) => s.draftId === draftId && s.subCaseId === lpr.id)).toBe(true);
    expect((await listed(c, 'drafterAsApprover')).filter((s) => s.draftId).map((s) => s.command)).toEqual(['return_draft']);
    expect((await send('post', `/v1/decision-drafts/${draftId}/issue`, 'drafterAsApprover')).status).toBe(403);

    // The holder may release, not claim; a colleague may neither; a conflicted colleague may do nothing.
    expect(await commands('caseworker')).toEqual(expect.arrayContaining(['release', 'assign']));
    expect(await commands('caseworker')).not.toContain('claim');
    expect(await commands('otherCaseworker')).not.toContain('claim');
    expect(await commands('otherCaseworker')).not.toContain('release');
    expect(await commands('conflictedCaseworker')).toEqual([]);

    // The controller decides only its own part, and only a rejection while the legal matter is open.
    expect(await listed(c, 'controller')).toEqual([expect.objectContaining({ command: 'controller_decide', subCaseId: epj.id, approvalBlockedBy: [matter.id] })]);
    const blocked = await send('post', `/v1/cases/${c.caseId}/sub-cases/${epj.id}/controller-decision`, 'controller', { outcome: 'approved', legalBasis: 'x', reasoning: 'x' });
    expect(blocked.status).toBe(409);

    // The advisor answers the consultation on the part its region was asked about; the applicant may withdraw.
    expect((await listed(c, 'advisor')).map((s) => [s.command, s.subCaseId])).toEqual([['answer_consultation', epj.id]]);
    expect(await commands('researcher')).toEqual(['withdraw']);
    expect(await commands('auditor')).toEqual([]);
  });
});
