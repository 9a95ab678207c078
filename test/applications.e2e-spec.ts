import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest, submitAndScreen } from './support/applications';

describe('applications: draft, check, submit, screen, route, withdraw (e2e)', () => {
  let t: TestApp;
  let researcher: string;
  let otherResearcher: string;
  let caseworker: string;
  let approver: string;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp('applications');
    researcher = await t.token({ sub: 'researcher-1', role: 'researcher', organisation: '31119103' });
    otherResearcher = await t.token({ sub: 'researcher-2', role: 'researcher', organisation: '30060946' });
    caseworker = await t.token({ sub: 'caseworker-1', role: 'caseworker', organisation: '33257872' });
    approver = await t.token({ sub: 'approver-1', role: 'legal_approver', organisation: '33257872' });
    admin = await t.token({ sub: 'admin-1', role: 'admin' });
  });
  afterAll(() => t.close());

  it('routes a national-register-only application to the central track', async () => {
    const { case: c } = await submitAndScreen(t, researcher, completeApplication());
    expect(c.number).toMatch(/^EK-\d{4}-\d{6}$/);
    expect(c.subCases).toHaveLength(1);
    expect(c.subCases[0]).toMatchObject({ dataSourceId: 'lpr', track: 'central', state: 'in_review' });
    expect(c.subCases[0].screening).toMatchObject({ verdict: 'approve', reason: 'submitted' });
    expect(c.subCases[0].screening.ruleSets.map((r: { id: string }) => r.id).sort()).toEqual(['common', 'national-registers']);
    // EHDS art. 68(4): complete at submission, so the 3-month decision clock runs from today.
    expect(c.clock).toMatchObject({ phase: 'decision', limit: 'decision', paused: false, overdue: false, daysUsed: 0 });
    expect(new Date(c.clock.dueAt).getTime()).toBeGreaterThan(Date.now() + 85 * 24 * 3600 * 1000);
    expect(c.subCases[0].clock.dueDate).toBe(c.clock.dueDate);
  });

  it('fans LPR + a regional patient record + the national biobank out into one central and two collaborative sub-cases with a consultation for Region Midtjylland', async () => {
    const content = completeApplication({
      dataRequests: [dataRequest('lpr'), dataRequest('epj-region-midtjylland'), dataRequest('biobank-dnb', { biologicalMaterial: true })],
    });
    const { case: mine } = await submitAndScreen(t, researcher, content);
    const staffView = (await request(t.server).get(`/v1/cases/${mine.id}`).set(bearer(caseworker)).expect(200)).body;
    const tracks = Object.fromEntries(staffView.subCases.map((s: { dataSourceId: string; track: string }) => [s.dataSourceId, s.track]));
    expect(tracks).toEqual({ lpr: 'central', 'epj-region-midtjylland': 'collaborative', 'biobank-dnb': 'collaborative' });
    const epj = staffView.subCases.find((s: { dataSourceId: string }) => s.dataSourceId === 'epj-region-midtjylland');
    expect(staffView.consultations).toEqual(
      expect.arrayContaining([expect.objectContaining({ subCaseId: epj.id, advisorRegion: 'region-midtjylland', state: 'open', origin: 'rule' })]),
    );
    // Biological material needs Datatilsynet's permission (databeskyttelsesloven § 10 stk. 3 nr. 2).
    const biobank = staffView.subCases.find((s: { dataSourceId: string }) => s.dataSourceId === 'biobank-dnb');
    expect(staffView.legalMatters).toEqual(expect.arrayContaining([expect.objectContaining({ subCaseId: biobank.id, kind: 'datatilsynet_permission', state: 'open' })]));

    const controller = await t.token({ sub: 'rm-controller', role: 'controller', organisation: epj.controller.cvr });
    const controllerView = (await request(t.server).get(`/v1/cases/${mine.id}`).set(bearer(controller)).expect(200)).body;
    expect(controllerView.subCases.map((s: { dataSourceId: string }) => s.dataSourceId)).toEqual(['epj-region-midtjylland']);
    // A staff read of the case is itself logged (who viewed which case when).
    const [viewed] = await t.app.get(DataSource).query(`SELECT actor_sub, actor_role FROM audit_event WHERE action = 'case.viewed' AND subject_id = $1 ORDER BY seq LIMIT 1`, [mine.number]);
    expect(viewed).toEqual({ actor_sub: 'caseworker-1', actor_role: 'caseworker' });
    const otherRegion = await t.token({ sub: 'rh-controller', role: 'controller', organisation: '29190623' });
    await request(t.server).get(`/v1/cases/${mine.id}`).set(bearer(otherRegion)).expect(404);
  });

  it('gives a biobank request without ethics approval the blocking finding (komitéloven § 14)', async () => {
    const content = completeApplication({ ethicsApproval: undefined, dataRequests: [dataRequest('biobank-dnb', { biologicalMaterial: true })] });
    delete content.ethicsApproval;
    const { case: c } = await submitAndScreen(t, researcher, content);
    const findings = c.subCases[0].screening.findings;
    const blocking = findings.filter((f: { severity: string }) => f.severity === 'blocking');
    expect(blocking).toEqual(expect.arrayContaining([expect.objectContaining({ legalReference: expect.stringMatching(/[Kk]omitéloven § 14/) })]));
    expect(c.subCases[0].screening.verdict).toBe('deny');
  });

  it('takes a committee’s not-notifiable answer as no approval: material is blocked, patient records take the § 46 stk. 2 route', async () => {
    const content = completeApplication({
      ethicsApproval: { committee: 'VEK', reference: '1-10-72-123-25', status: 'not_notifiable' },
      dataRequests: [dataRequest('biobank-dnb', { biologicalMaterial: true }), dataRequest('epj-region-midtjylland')],
    });
    const { case: c, applicationId } = await submitAndScreen(t, researcher, content);
    const codes = (source: string) => c.subCases.find((s: { dataSourceId: string }) => s.dataSourceId === source).screening.findings.map((f: { code: string }) => f.code);
    expect(codes('biobank-dnb')).toContain('BB-ETHICS-APPROVAL-MISSING');
    expect(codes('epj-region-midtjylland')).toContain('PR-ROUTE-REGIONAL-APPROVAL');
    expect(codes('epj-region-midtjylland')).not.toContain('PR-ROUTE-ETHICS-APPROVAL');
    const stored = await request(t.server).get(`/v1/applications/${applicationId}`).set(bearer(researcher)).expect(200);
    expect(stored.body.content.ethicsApproval).toEqual({ committee: 'VEK', reference: '1-10-72-123-25', status: 'not_notifiable' });
  });

  it('shows the check preview before submitting, with what is missing and the findings', async () => {
    const draft = await request(t.server)
      .post('/v1/applications')
      .set(bearer(researcher))
      .send({ title: 'Half-written', dataRequests: [dataRequest('biobank-dnb')] })
      .expect(201);
    const check = await request(t.server).post(`/v1/applications/${draft.body.id}/check`).set(bearer(researcher)).expect(200);
    expect(check.body.complete).toBe(false);
    expect(check.body.missing.map((m: { field: string }) => m.field)).toEqual(expect.arrayContaining(['purpose', 'legalBasis.gdprArt6', 'retentionUntil']));
    expect(check.body.dataRequests[0].findings.length).toBeGreaterThan(0);
    const refused = await request(t.server).post(`/v1/applications/${draft.body.id}/submit`).set(bearer(researcher)).expect(422);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain('purpose');
  });

  it('refuses to submit an application without its safeguards (EHDS art. 68(1)(e)) or a named researcher (art. 61(2))', async () => {
    const content = completeApplication({ researchers: [] });
    delete content.safeguards;
    const draft = await request(t.server).post('/v1/applications').set(bearer(researcher)).send(content).expect(201);
    const refused = await request(t.server).post(`/v1/applications/${draft.body.id}/submit`).set(bearer(researcher)).expect(422);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['safeguards', 'researchers']);
  });

  it('keeps the named researchers with the application, and refuses a country of access that is no country', async () => {
    const researchers = [
      { name: 'Mette Jensen', email: 'mette.jensen@au.dk', organisation: 'Aarhus Universitet', countryOfAccess: 'DK' },
      { name: 'Nikos Papadopoulos', email: 'n.papadopoulos@uoa.gr', organisation: 'National and Kapodistrian University of Athens', countryOfAccess: 'EL' },
    ];
    const draft = await request(t.server).post('/v1/applications').set(bearer(researcher)).send(completeApplication({ researchers })).expect(201);
    expect(draft.body.content.researchers).toEqual(researchers);
    const refused = await request(t.server)
      .patch(`/v1/applications/${draft.body.id}`)
      .set(bearer(researcher))
      .set('If-Match', `"${draft.body.version}"`)
      .send({ researchers: [{ ...researchers[0], countryOfAccess: 'Greece' }] })
      .expect(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['researchers[0].countryOfAccess']);
  });

  it('does not show one researcher’s application or case to another (404)', async () => {
    const { applicationId, case: c } = await submitAndScreen(t, researcher, completeApplication());
    await request(t.server).get(`/v1/applications/${applicationId}`).set(bearer(otherResearcher)).expect(404);
    await request(t.server).get(`/v1/cases/${c.id}`).set(bearer(otherResearcher)).expect(404);
    await request(t.server).post(`/v1/applications/${applicationId}/withdraw`).set(bearer(otherResearcher)).send({}).expect(404);
    const list = await request(t.server).get('/v1/applications').set(bearer(otherResearcher)).expect(200);
    expect(list.body.items.map((a: { id: string }) => a.id)).not.toContain(applicationId);
  });

  it('makes one case from a double submit with one Idempotency-Key, even when the two race', async () => {
    const draft = await request(t.server).post('/v1/applications').set(bearer(researcher)).send(completeApplication()).expect(201);
    const submit = () => request(t.server).post(`/v1/applications/${draft.body.id}/submit`).set(bearer(researcher)).set('Idempotency-Key', 'submit-key-0001');
    const [first, second] = await Promise.all([submit(), submit()]);
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(second.body.id).toBe(first.body.id);
    const again = await submit().expect(202);
    expect(again.body.number).toBe(first.body.number);
    const [{ n }] = await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM case_file WHERE application_id = $1', [draft.body.id]);
    expect(n).toBe(1);
    const withoutKey = await request(t.server).post(`/v1/applications/${draft.body.id}/submit`).set(bearer(researcher)).expect(409);
    expect(withoutKey.body.type).toContain('command-not-allowed');
  });

  it('withdraws an open case and refuses withdrawal after the decision', async () => {
    const { applicationId, case: c } = await submitAndScreen(t, researcher, completeApplication());
    const withdrawn = await request(t.server).post(`/v1/applications/${applicationId}/withdraw`).set(bearer(researcher)).send({ reason: 'Funding ended' }).expect(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const after = (await request(t.server).get(`/v1/cases/${c.id}`).set(bearer(researcher)).expect(200)).body;
    expect(after.state).toBe('withdrawn');
    expect(after.subCases.every((s: { state: string }) => s.state === 'withdrawn')).toBe(true);

    const decided = await submitAndScreen(t, researcher, completeApplication());
    // Decided as case handling decides: a caseworker drafts, another person issues as legal approver.
    const draft = await request(t.server)
      .post(`/v1/cases/${decided.case.id}/sub-cases/${decided.case.subCases[0].id}/decision-drafts`)
      .set(bearer(caseworker))
      .send({ outcome: 'approved', legalBasis: 'EHDS art. 68', reasoning: 'The purpose is scientific research and the data requested are necessary.' })
      .expect(201);
    await request(t.server).post(`/v1/decision-drafts/${draft.body.id}/issue`).set(bearer(approver)).expect(201);
    expect((await request(t.server).get(`/v1/cases/${decided.case.id}`).set(bearer(researcher)).expect(200)).body.state).toBe('decided');
    const refused = await request(t.server).post(`/v1/applications/${decided.applicationId}/withdraw`).set(bearer(researcher)).set('Accept-Language', 'en').send({}).expect(409);
    expect(refused.body.detail).toBe('A researcher cannot withdraw when the case is decided.');
  });

  it('applies a change of a source’s authority to later submissions only', async () => {
    const before = await submitAndScreen(t, researcher, completeApplication({ dataRequests: [dataRequest('epj-region-sjaelland')] }));
    expect(before.case.subCases[0].track).toBe('collaborative');
    await request(t.server)
      .put('/v1/admin/data-sources/epj-region-sjaelland/authority')
      .set(bearer(researcher))
      .send({ track: 'central', decidingAuthority: 'Ét kontaktpunkt', reason: 'x' })
      .expect(403);
    const changed = await request(t.server)
      .put('/v1/admin/data-sources/epj-region-sjaelland/authority')
      .set(bearer(admin))
      .send({ track: 'central', decidingAuthority: 'Ét kontaktpunkt', reason: 'Competence delegated under sundhedsloven § 48c' })
      .expect(200);
    expect(changed.body).toMatchObject({ track: 'central', decidingAuthority: 'Ét kontaktpunkt' });
    const catalogue = await request(t.server).get('/v1/data-sources').expect(200);
    expect(catalogue.body.find((s: { id: string }) => s.id === 'epj-region-sjaelland')).toMatchObject({ track: 'central', decidingAuthority: 'Ét kontaktpunkt' });

    const [audited] = await t.app.get(DataSource).query(`SELECT actor_sub, payload FROM audit_event WHERE action = 'data_source.authority_changed' AND subject_id = 'epj-region-sjaelland'`);
    expect(audited).toMatchObject({ actor_sub: 'admin-1', payload: { from: { track: 'collaborative' }, to: { track: 'central', decidingAuthority: 'Ét kontaktpunkt' } } });

    const after = await submitAndScreen(t, researcher, completeApplication({ dataRequests: [dataRequest('epj-region-sjaelland')] }));
    expect(after.case.subCases[0]).toMatchObject({ track: 'central', decidingAuthority: 'Ét kontaktpunkt' });
    const old = (await request(t.server).get(`/v1/cases/${before.case.id}`).set(bearer(researcher)).expect(200)).body;
    expect(old.subCases[0].track).toBe('collaborative');
  });

  it('plans a move of competence from a future date: shown in the catalogue, not yet in force, never retroactive', async () => {
    const from = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
    await request(t.server)
      .put('/v1/admin/data-sources/epj-region-nordjylland/authority')
      .set(bearer(admin))
      .send({ track: 'central', decidingAuthority: 'Ét kontaktpunkt', effectiveFrom: from, reason: 'L 182 (2024–25), sundhedsloven § 48c' })
      .expect(200);
    const entry = (await request(t.server).get('/v1/data-sources').expect(200)).body.find((s: { id: string }) => s.id === 'epj-region-nordjylland');
    expect(entry).toMatchObject({ track: 'collaborative', plannedChanges: [{ track: 'central', decidingAuthority: 'Ét kontaktpunkt', effectiveFrom: from }] });
    const { case: c } = await submitAndScreen(t, researcher, completeApplication({ dataRequests: [dataRequest('epj-region-nordjylland')] }));
    expect(c.subCases[0].track).toBe('collaborative');
    const past = await request(t.server)
      .put('/v1/admin/data-sources/epj-region-nordjylland/authority')
      .set(bearer(admin))
      .send({ track: 'central', decidingAuthority: 'X', effectiveFrom: '2020-01-01T00:00:00Z', reason: 'x' })
      .expect(422);
    expect(past.body.errors[0].field).toBe('effectiveFrom');
  });

  it('answers invalid payloads with per-field errors', async () => {
    const res = await request(t.server)
      .post('/v1/applications')
      .set(bearer(researcher))
      .send({
        purposeCategory: 'marketing',
        applicant: { name: 'A', email: 'not-an-email', organisation: { name: 'X', cvr: '31119104', country: 'Denmark', sector: 'startup', type: 'danish_private' } },
        projectPeriod: { start: '2026-13-01', end: '2026-01-01' },
        dataRequests: [{ dataSourceId: 'lpr', variables: [], population: 'p', period: { start: '2020-01-01', end: '2021-01-01' }, biologicalMaterial: 'yes', prospective: false }],
        unknownField: true,
      })
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'purposeCategory',
        'applicant.email',
        'applicant.organisation.cvr',
        'applicant.organisation.country',
        'applicant.organisation.sector',
        'applicant.organisation.type',
        'projectPeriod.start',
        'dataRequests[0].variables',
        'dataRequests[0].biologicalMaterial',
        'dataRequests[0].wholeRegister',
        'unknownField',
      ]),
    );
    const semantic = await request(t.server)
      .post('/v1/applications')
      .set(bearer(researcher))
      .send({ projectPeriod: { start: '2027-01-01', end: '2026-01-01' }, dataRequests: [dataRequest('no-such-register'), dataRequest('lpr'), dataRequest('lpr')] })
      .expect(400);
    expect(semantic.body.errors.map((e: { field: string }) => e.field)).toEqual(['projectPeriod.end', 'dataRequests[0].dataSourceId', 'dataRequests[2].dataSourceId']);
  });

  it('pages through the researcher’s own applications with a stable cursor', async () => {
    const pager = await t.token({ sub: 'researcher-pager', role: 'researcher' });
    for (let i = 0; i < 5; i++) await request(t.server).post('/v1/applications').set(bearer(pager)).send({ title: `Draft ${i}` }).expect(201);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await request(t.server).get('/v1/applications').query(cursor ? { limit: 2, cursor } : { limit: 2 }).set(bearer(pager)).expect(200);
      seen.push(...page.body.items.map((a: { content: { title: string } }) => a.content.title));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Draft 4', 'Draft 3', 'Draft 2', 'Draft 1', 'Draft 0']);
  });

  it('creates one draft from a retried create with the same Idempotency-Key', async () => {
    const create = () => request(t.server).post('/v1/applications').set(bearer(researcher)).set('Idempotency-Key', 'create-key-0001').send({ title: 'Retried' });
    const [a, b] = await Promise.all([create(), create()]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).toBe(a.body.id);
    const [{ n }] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM application WHERE content->>'title' = 'Retried'`);
    expect(n).toBe(1);
    await request(t.server).post('/v1/applications').set(bearer(researcher)).set('Idempotency-Key', 'bad key!').send({}).expect(400);
  });

  it('refuses a stale If-Match on edit with 412', async () => {
    const draft = await request(t.server).post('/v1/applications').set(bearer(researcher)).send({ title: 'v1' }).expect(201);
    const etag = draft.headers.etag;
    await request(t.server).patch(`/v1/applications/${draft.body.id}`).set(bearer(researcher)).set('If-Match', etag).send({ title: 'v2' }).expect(200);
    await request(t.server).patch(`/v1/applications/${draft.body.id}`).set(bearer(researcher)).set('If-Match', etag).send({ title: 'v3' }).expect(412);
  });
});
