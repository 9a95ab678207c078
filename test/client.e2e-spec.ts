import { createKontaktpunktClient, KontaktpunktClient, Schema } from '@kp/client';
import { startTestApp, TestApp } from './support/app';
import { completeApplication } from './support/applications';
import { waitFor } from './support/wait';

/**
 * A whole case, draft to permit, through the generated client only (issue 11): openapi-fetch over
 * libs/client's types against the app listening on a port. Each step reads typed fields of the
 * answer before it, so an answer the document gives no schema fails to compile here.
 */
describe('the generated client drives a case from draft to permit (e2e)', () => {
  let t: TestApp;
  let baseUrl: string;
  const as: Record<'researcher' | 'caseworker' | 'approver', KontaktpunktClient> = {} as never;

  /** The body of a success answer; a failure names its status and problem. */
  function ok<T>(result: { data?: T; error?: unknown; response: Response }): T {
    if (result.data === undefined) throw new Error(`${result.response.status} ${result.response.url}: ${JSON.stringify(result.error)}`);
    return result.data;
  }

  beforeAll(async () => {
    t = await startTestApp('client');
    await t.app.listen(0, '127.0.0.1');
    baseUrl = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    const people = {
      researcher: { sub: 'r-1', role: 'researcher', organisation: '31119103' },
      caseworker: { sub: 'cw-1', role: 'caseworker', organisation: '33257872' },
      approver: { sub: 'la-1', role: 'legal_approver', organisation: '33257872' },
    } as const;
    for (const [who, actor] of Object.entries(people)) {
      as[who as keyof typeof people] = createKontaktpunktClient({ baseUrl, headers: { Authorization: `Bearer ${await t.token(actor)}` } });
    }
  });

  afterAll(() => t.close());

  it('drafts, checks, submits, screens, claims, drafts a decision, has a second person issue it, and reads the permit', async () => {
    // The researcher drafts; the draft's id and version come back typed, with ETag and Location.
    const created = await as.researcher.POST('/v1/applications', { body: completeApplication() as Schema<'ApplicationContentDto'> });
    const draft: Schema<'Application'> = ok(created);
    expect(created.response.status).toBe(201);
    expect(draft.status).toBe('draft');
    expect(created.response.headers.get('etag')).toBe(`"${draft.version}"`);
    expect(created.response.headers.get('location')).toBe(`/v1/applications/${draft.id}`);

    const report = ok(await as.researcher.POST('/v1/applications/{id}/check', { params: { path: { id: draft.id } } }));
    expect(report.missing).toEqual([]);
    expect(report.readyToSubmit).toBe(true);
    expect(report.dataRequests.map((r) => r.dataSourceId)).toEqual(['lpr']);

    const submitted = await as.researcher.POST('/v1/applications/{id}/submit', {
      params: { path: { id: draft.id }, header: { 'Idempotency-Key': `client-e2e-${draft.id}` } },
    });
    const opened = ok(submitted);
    expect(submitted.response.status).toBe(202);
    expect(opened.number).toMatch(/^EK-\d{4}-\d{6}$/);
    expect(submitted.response.headers.get('location')).toBe(`/v1/cases/${opened.id}`);

    // The worker screens the one sub-case; the case waits in review with the findings and the clock.
    const screened = await waitFor(async () => {
      const c = ok(await as.researcher.GET('/v1/cases/{id}', { params: { path: { id: opened.id } } }));
      return c.state === 'in_review' && c.subCases.every((s) => s.screening !== null) ? c : undefined;
    }, 20000, `screening of ${opened.number}`);
    const [lpr] = screened.subCases;
    expect(lpr).toMatchObject({ dataSourceId: 'lpr', track: 'central', state: 'in_review' });
    expect(lpr.screening?.ruleSets.length).toBeGreaterThan(0);
    expect(screened.clock?.phase).toBe('decision');
    // The applicant sees whom the case waits on and by when, and what they may do (issue 11).
    const waiting: Schema<'WaitingFor'>[] = screened.waitingFor;
    expect(waiting.map((w) => [w.party, w.deadlineKind, w.subCaseIds])).toEqual([['caseworker', 'statutory', [lpr.id]]]);
    expect(waiting[0].deadline).toBe(lpr.clock?.dueAt);
    expect(screened.nextSteps.map((step) => step.command)).toEqual(['withdraw']);
    expect(lpr.nextSteps).toEqual([]);

    // The caseworker is offered to claim the case, and to draft the decision on its one part.
    const asCaseworker = ok(await as.caseworker.GET('/v1/cases/{id}', { params: { path: { id: opened.id } } }));
    expect(asCaseworker.nextSteps.map((step) => step.command)).toContain('claim');
    const offered: Schema<'NextStep'>[] = asCaseworker.subCases[0].nextSteps;
    expect(offered.find((step) => step.command === 'draft_decision')?.subCaseId).toBe(lpr.id);

    // The caseworker claims it, acting on the version they read; a stale version is a typed Problem.
    const stale = await as.caseworker.POST('/v1/cases/{id}/claim', { params: { path: { id: screened.id }, header: { 'If-Match': `"${screened.version - 1}"` } } });
    expect(stale.response.status).toBe(412);
    expect(stale.error).toMatchObject({ type: 'https://kontaktpunkt.dk/docs/problems/stale-version', currentVersion: screened.version });
    const claimed = ok(await as.caseworker.POST('/v1/cases/{id}/claim', { params: { path: { id: screened.id }, header: { 'If-Match': `"${screened.version}"` } } }));
    expect(claimed.assignee).toBe('cw-1');

    // The caseworker drafts the decision on the sub-case; a legal approver who is not them issues it (four eyes).
    const pending = ok(
      await as.caseworker.POST('/v1/cases/{id}/sub-cases/{subCaseId}/decision-drafts', {
        params: { path: { id: claimed.caseId, subCaseId: lpr.id }, header: { 'If-Match': `"${claimed.version}"` } },
        body: { outcome: 'approved', legalBasis: 'EHDS art. 68; databeskyttelsesloven § 10', reasoning: 'The application meets every requirement.', conditions: [] },
      }),
    );
    expect(pending).toMatchObject({ state: 'pending', draftedBy: 'cw-1', engineVerdict: lpr.screening?.verdict });

    // The approver sees the draft by its id, the part waiting on a legal approver, and is offered to issue it.
    const toApprove = ok(await as.approver.GET('/v1/cases/{id}', { params: { path: { id: opened.id } } }));
    expect(toApprove.pendingDrafts?.map((d) => d.id)).toEqual([pending.id]);
    expect(toApprove.subCases[0].waitingFor.map((w) => w.party)).toEqual(['legal_approver']);
    const issue = toApprove.subCases[0].nextSteps.find((step) => step.command === 'issue_decision');
    expect(issue?.draftId).toBe(pending.id);
    const queue = ok(await as.approver.GET('/v1/queues/{queue}', { params: { path: { queue: 'approval' } } }));
    expect(queue.items.find((item) => item.id === opened.id)?.subCases[0].pendingDraftId).toBe(pending.id);

    if (!issue?.draftId) throw new Error('the approver is offered the draft to issue');
    const { decision, permit } = ok(await as.approver.POST('/v1/decision-drafts/{id}/issue', { params: { path: { id: issue.draftId } } }));
    expect(decision).toMatchObject({ subCaseId: lpr.id, outcome: 'approved', track: 'central', current: true });
    expect(decision.appealGuidance.da).toContain('Klagevejledning');
    if (!permit) throw new Error('the only sub-case was approved, so the case is decided with a permit');
    expect(permit.number).toMatch(/^DUT-\d{4}-\d{6}$/);

    // The researcher reads the permit and the decided case.
    const held = ok(await as.researcher.GET('/v1/permits/{id}', { params: { path: { id: permit.id } } }));
    expect(held).toMatchObject({ state: 'active', caseId: opened.id, processingEnvironment: 'sds_research_machine' });
    expect(held.approvedParts.map((p) => ({ dataSourceId: p.dataSourceId, decisionId: p.decisionId }))).toEqual([{ dataSourceId: 'lpr', decisionId: decision.id }]);
    const decided = ok(await as.researcher.GET('/v1/cases/{id}', { params: { path: { id: opened.id } } }));
    expect(decided.state).toBe('decided');
    expect(decided.decidedAt).not.toBeNull();
    expect(decided.waitingFor).toEqual([]);

    // Staff read how long the case waited on whom: the caseworker from screening to the draft, then the legal approver.
    const history = ok(await as.caseworker.GET('/v1/cases/{id}/waiting-history', { params: { path: { id: opened.id } } }));
    expect(history.items.map((w) => [w.party, w.until !== null, w.metDeadline])).toEqual([
      ['caseworker', true, true],
      ['legal_approver', true, true],
    ]);
  });
});
