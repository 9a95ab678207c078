import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest, submitAndScreen } from './support/applications';

/**
 * Permit conditions and appeal guidance through HTTP (issue 10). Expected values follow the law:
 * EHDS chapter IV applies from 26 March 2029 (art. 105), so a permit issued before then rests on
 * databeskyttelsesloven § 10 and the holders' terms and names art. 61 as information, and one
 * issued after binds under art. 61(2)–(4); the appeal guidance names the route kept with the
 * deciding authority (forvaltningsloven § 25) and, where there is no administrative appeal,
 * points to the courts.
 */
describe('permit conditions and appeal guidance (e2e)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const get = (path: string, who: string) => request(t.server).get(path).set(bearer(tokens[who]));
  const post = (path: string, who: string, body: object = {}) => request(t.server).post(path).set(bearer(tokens[who])).send(body);
  const codes = (conditions: { code: string }[]) => conditions.map((c) => c.code).sort();
  const condition = (conditions: { code: string }[], code: string) => conditions.find((c) => c.code === code) as Record<string, any>;

  /** Submits, claims, drafts an approval with the caseworker's own condition, and has a second jurist issue it. */
  const approve = async (content: Record<string, unknown>) => {
    const { case: c } = await submitAndScreen(t, tokens.researcher, content);
    await post(`/v1/cases/${c.id}/claim`, 'caseworker').expect(200);
    const draft = (
      await post(`/v1/cases/${c.id}/sub-cases/${c.subCases[0].id}/decision-drafts`, 'caseworker', {
        outcome: 'approved_with_conditions',
        legalBasis: 'Databeskyttelsesloven § 10 stk. 1; GDPR art. 6(1)(e) and art. 9(2)(j)',
        reasoning: 'Scientific research of significant societal importance; the data requested are necessary.',
        conditions: ['Only patients admitted 2015–2024'],
        // The engine's verdict may change with the rules; the conditions do not depend on it.
        departureReason: 'The caseworker has assessed the findings.',
      }).expect(201)
    ).body;
    return (await post(`/v1/decision-drafts/${draft.id}/issue`, 'approver').expect(201)).body;
  };

  beforeAll(async () => {
    t = await startTestApp('permit_conditions');
    const people = {
      researcher: { sub: 'r-1', role: 'researcher', organisation: '31119103' },
      caseworker: { sub: 'cw-1', role: 'caseworker', organisation: '33257872' },
      approver: { sub: 'la-1', role: 'legal_approver', organisation: '33257872' },
      admin: { sub: 'adm-1', role: 'admin' },
    } as const;
    for (const [name, actor] of Object.entries(people)) tokens[name] = await t.token(actor);
  });
  afterAll(() => t.close());

  it('issues a permit before 26 March 2029 with conditions under Danish law, the caseworker’s own kept beside them', async () => {
    t.clock.set(new Date('2027-05-03T09:00:00Z'));
    const { decision, permit } = await approve(completeApplication());

    expect(codes(decision.standardConditions)).toEqual(['PC-ANONYMISED-OUTPUT-ONLY', 'PC-NAMED-USERS-ONLY', 'PC-NO-REIDENTIFICATION', 'PC-PUBLISH-RESULTS']);
    expect(decision.conditions).toEqual(['Only patients admitted 2015–2024']);
    expect(condition(decision.standardConditions, 'PC-NO-REIDENTIFICATION')).toMatchObject({
      binding: true,
      legalReference: expect.stringContaining('Databeskyttelsesloven § 10 stk. 1–2'),
      note: { da: 'Fra 26. marts 2029: EHDS art. 61(3).', en: 'From 26 March 2029: EHDS art. 61(3).' },
    });
    expect(condition(decision.standardConditions, 'PC-NAMED-USERS-ONLY')).toMatchObject({ binding: true, note: { en: 'From 26 March 2029: EHDS art. 61(2).' } });
    // Art. 61(4) does not bind before chapter IV applies: it informs.
    expect(condition(decision.standardConditions, 'PC-PUBLISH-RESULTS')).toMatchObject({ binding: false, legalReference: expect.stringContaining('EHDS art. 61(4)') });
    // LPR is a national register: Sundhedsdatastyrelsen's small-cell rule from the plugin's manifest.
    const output = condition(decision.standardConditions, 'PC-ANONYMISED-OUTPUT-ONLY');
    expect(output).toMatchObject({ binding: true, minimumCellSize: 5, legalReference: expect.stringContaining('Sundhedsdatastyrelsen') });
    expect(output.text.en).toContain('fewer than 5 persons');

    // The permit shows the same conditions, on the permit and on its approved part.
    expect(permit.standardConditions).toEqual(decision.standardConditions);
    expect(permit.approvedParts[0].standardConditions).toEqual(decision.standardConditions);
    expect(permit.conditions).toEqual(['Only patients admitted 2015–2024']);
    const read = (await get(`/v1/permits/${permit.id}`, 'researcher').expect(200)).body;
    expect(read.standardConditions).toEqual(decision.standardConditions);
    const listed = (await get(`/v1/cases/${permit.caseId}/decisions`, 'researcher').expect(200)).body;
    expect(listed.decisions[0].standardConditions).toEqual(decision.standardConditions);
    expect(listed.permits[0].standardConditions).toEqual(decision.standardConditions);
  });

  it('gives appeal guidance from the contact point’s entry: no administrative appeal, the courts, unverified for staff only', async () => {
    const { decision } = await approve(completeApplication());
    const forStaff = (await get(`/v1/decisions/${decision.id}`, 'approver').expect(200)).body.appealGuidance;
    expect(forStaff).toMatchObject({ kind: 'none', appealBody: null, timeLimit: null, verified: false, legalReference: expect.stringContaining('[check]') });
    expect(forStaff.da).toContain('kan ikke påklages til en anden forvaltningsmyndighed');
    expect(forStaff.da).toContain('domstolene');
    expect(forStaff.en).toContain('Ét kontaktpunkt for sundhedsdata (Sundhedsdatastyrelsen)');

    const forApplicant = (await get(`/v1/decisions/${decision.id}`, 'researcher').expect(200)).body.appealGuidance;
    expect(forApplicant).toEqual({ da: forStaff.da, en: forStaff.en, kind: 'none', appealBody: null, timeLimit: null });
  });

  it('gives an authority without an entry guidance that sends the appeal through it, marked unverified to staff', async () => {
    await request(t.server)
      .put('/v1/admin/data-sources/lmdb/authority')
      .set(bearer(tokens.admin))
      .send({ track: 'central', decidingAuthority: 'Ny sundhedsdatamyndighed', reason: 'A bill moves the competence (test)' })
      .expect(200);
    const { decision } = await approve(completeApplication({ dataRequests: [dataRequest('lmdb')] }));
    expect(decision.decidingAuthority).toBe('Ny sundhedsdatamyndighed');
    const guidance = (await get(`/v1/decisions/${decision.id}`, 'caseworker').expect(200)).body.appealGuidance;
    expect(guidance).toMatchObject({ kind: 'unknown', verified: false, legalReference: null });
    expect(guidance.da).toContain('Klagen sendes skriftligt til Ny sundhedsdatamyndighed');
  });

  it('issues a permit from 26 March 2029 with conditions binding under EHDS art. 61(2)–(4)', async () => {
    t.clock.set(new Date('2029-04-02T09:00:00Z'));
    const { decision, permit } = await approve(completeApplication({ projectPeriod: { start: '2029-05-01', end: '2031-12-31' }, retentionUntil: '2032-06-30', recordOfProcessing: { reference: 'AU-2029-1', controller: 'Aarhus Universitet', deletionDate: '2032-06-30' } }));
    const c = decision.standardConditions;
    expect(condition(c, 'PC-NAMED-USERS-ONLY')).toMatchObject({ binding: true, legalReference: 'EHDS art. 61(2)' });
    expect(condition(c, 'PC-NO-REIDENTIFICATION')).toMatchObject({ binding: true, legalReference: 'EHDS art. 61(3)' });
    expect(condition(c, 'PC-PUBLISH-RESULTS')).toMatchObject({ binding: true, legalReference: 'EHDS art. 61(4)' });
    expect(condition(c, 'PC-PUBLISH-RESULTS').text.en).toContain('18 months');
    expect(condition(c, 'PC-ANONYMISED-OUTPUT-ONLY')).toMatchObject({ binding: true, minimumCellSize: 5 });
    expect(permit.standardConditions).toEqual(c);
  });
});
