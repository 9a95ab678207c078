import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest, submitAndScreen } from './support/applications';
import { waitFor } from './support/wait';

/**
 * A multi-source case from submission to permit, with every role: LPR on the central track,
 * Region Midtjylland's patient records and the Danish National Biobank on the collaborative track.
 */
describe('case handling from submit to permit (e2e)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let caseId: string;
  let caseNumber: string;
  let sub: Record<string, string>;
  let lprDecisionId: string;

  const get = (path: string, who: string) => request(t.server).get(path).set(bearer(tokens[who]));
  const post = (path: string, who: string, body: object = {}) => request(t.server).post(path).set(bearer(tokens[who])).send(body);
  const caseNow = async (who = 'caseworker') => (await get(`/v1/cases/${caseId}`, who).expect(200)).body;

  beforeAll(async () => {
    // The permit-expiry sweep runs on its schedule every quarter second; the expiry test only moves business time.
    t = await startTestApp('case_handling', { env: { PERMIT_EXPIRY_SWEEP_MS: '250' } });
    const people = {
      researcher: { sub: 'r-1', role: 'researcher', organisation: '31119103' },
      caseworker: { sub: 'cw-1', role: 'caseworker', organisation: '33257872' },
      sameCaseworkerAsApprover: { sub: 'cw-1', role: 'legal_approver', organisation: '33257872' },
      approver: { sub: 'la-1', role: 'legal_approver', organisation: '33257872' },
      approver2: { sub: 'la-2', role: 'legal_approver', organisation: '33257872' },
      advisorMidt: { sub: 'adv-rm', role: 'advisor', region: 'region-midtjylland' },
      advisorHovedstaden: { sub: 'adv-rh', role: 'advisor', region: 'region-hovedstaden' },
      controllerMidt: { sub: 'ctl-rm', role: 'controller', organisation: '29190925' },
      controllerHovedstaden: { sub: 'ctl-rh', role: 'controller', organisation: '29190623' },
      controllerSsi: { sub: 'ctl-ssi', role: 'controller', organisation: '46837428' },
      auditor: { sub: 'aud-1', role: 'auditor' },
    } as const;
    for (const [name, actor] of Object.entries(people)) tokens[name] = await t.token(actor);

    const { case: c } = await submitAndScreen(
      t,
      tokens.researcher,
      completeApplication({
        dataRequests: [dataRequest('lpr'), dataRequest('epj-region-midtjylland'), dataRequest('biobank-dnb', { biologicalMaterial: true })],
      }),
    );
    caseId = c.id;
    caseNumber = c.number;
    sub = Object.fromEntries(c.subCases.map((s: { dataSourceId: string; id: string }) => [s.dataSourceId, s.id]));
  });
  afterAll(() => t.close());

  it('walks the case through every role to a permit', async () => {
    // Caseworker takes the case.
    await post(`/v1/cases/${caseId}/claim`, 'caseworker').expect(200);

    // Region Midtjylland's data-support centre answers the consultation the rules required; another region cannot.
    const consultations = (await get('/v1/consultations', 'advisorMidt').expect(200)).body.items;
    const mine = consultations.find((k: { caseId?: string; subCaseId: string }) => k.subCaseId === sub['epj-region-midtjylland']);
    expect(mine).toBeDefined();
    await post(`/v1/consultations/${mine.id}/answer`, 'advisorHovedstaden', { answer: 'n/a' }).expect(404);
    await post(`/v1/consultations/${mine.id}/answer`, 'advisorMidt', { answer: 'Variables are available in MidtEPJ; no concerns.' }).expect(200);

    // Central track: the caseworker drafts, the same person cannot issue it as legal approver (four eyes).
    const draft = (
      await post(`/v1/cases/${caseId}/sub-cases/${sub.lpr}/decision-drafts`, 'caseworker', {
        outcome: 'approved',
        legalBasis: 'EHDS art. 68; databeskyttelsesloven § 10',
        reasoning: 'The purpose is scientific research of significant societal importance and the data requested are necessary.',
        conditions: ['Results leave the research machine only as aggregated tables'],
      }).expect(201)
    ).body;
    expect(draft).toMatchObject({ state: 'pending', engineVerdict: 'approve', departsFromEngine: false });
    const fourEyes = await post(`/v1/decision-drafts/${draft.id}/issue`, 'sameCaseworkerAsApprover').expect(403);
    expect(fourEyes.body.type).toContain('four-eyes');
    const issued = (await post(`/v1/decision-drafts/${draft.id}/issue`, 'approver').expect(201)).body;
    lprDecisionId = issued.decision.id;
    expect(issued.decision).toMatchObject({ outcome: 'approved', track: 'central', appealGuidance: { da: expect.stringContaining('Klagevejledning') } });
    expect(issued.permit).toBeNull();
    expect((await caseNow()).state).toBe('in_review');

    // Collaborative track: recommendations to the controllers.
    for (const source of ['epj-region-midtjylland', 'biobank-dnb']) {
      await post(`/v1/cases/${caseId}/sub-cases/${sub[source]}/recommendations`, 'caseworker', {
        outcome: 'approved',
        reasoning: 'The project is approved by VEK and the variables are proportionate.',
      }).expect(201);
    }
    expect((await caseNow()).state).toBe('awaiting_controller');

    // A controller of another region cannot see, let alone decide, Region Midtjylland's part.
    await post(`/v1/cases/${caseId}/sub-cases/${sub['epj-region-midtjylland']}/controller-decision`, 'controllerHovedstaden', {
      outcome: 'approved',
      legalBasis: 'x',
      reasoning: 'x',
    }).expect(404);
    const regionDecision = (
      await post(`/v1/cases/${caseId}/sub-cases/${sub['epj-region-midtjylland']}/controller-decision`, 'controllerMidt', {
        outcome: 'approved_with_conditions',
        legalBasis: 'Sundhedsloven § 46 stk. 1 (VEK approval)',
        reasoning: 'Disclosure approved on the recommendation of the contact point.',
        conditions: ['Only patients treated at Region Midtjylland hospitals'],
      }).expect(201)
    ).body;
    expect(regionDecision.decision).toMatchObject({ decidingAuthority: expect.any(String), decidedBy: { role: 'controller', organisation: '29190925' } });

    // The biobank part depends on Datatilsynet's permission (databeskyttelsesloven § 10 stk. 3 nr. 2) and on the terms on
    // which the material leaves the biobank (a material transfer agreement): blocked until both are resolved.
    const blocked = await post(`/v1/cases/${caseId}/sub-cases/${sub['biobank-dnb']}/controller-decision`, 'controllerSsi', {
      outcome: 'approved',
      legalBasis: 'Komitéloven § 14; databeskyttelsesloven § 10 stk. 3',
      reasoning: 'Material may be disclosed.',
    }).expect(409);
    expect(blocked.body.type).toContain('legal-matter-open');
    const open = (await caseNow()).legalMatters.filter((m: { subCaseId: string; state: string }) => m.subCaseId === sub['biobank-dnb'] && m.state === 'open');
    expect(open.map((m: { kind: string }) => m.kind).sort()).toEqual(['datatilsynet_permission', 'material_transfer_agreement']);
    for (const matter of open) {
      await post(`/v1/cases/${caseId}/legal-matters/${matter.id}/resolve`, 'caseworker', { documentReference: `${matter.kind} 2026-31-1234` }).expect(200);
    }
    const last = (
      await post(`/v1/cases/${caseId}/sub-cases/${sub['biobank-dnb']}/controller-decision`, 'controllerSsi', {
        outcome: 'approved',
        legalBasis: 'Komitéloven § 14; databeskyttelsesloven § 10 stk. 3',
        reasoning: 'Material may be disclosed under Datatilsynet’s permission.',
      }).expect(201)
    ).body;

    // Every part decided: the case is decided, the clock stopped and a permit issued for the three approved parts.
    expect(last.permit).toMatchObject({ state: 'active', processingEnvironment: 'sds_research_machine' });
    expect(last.permit.number).toMatch(/^DUT-\d{4}-\d{6}$/);
    // Valid from issue to the end of the project period applied for (31 Dec 2028, Copenhagen time).
    expect(last.permit.validUntil).toBe('2028-12-31T22:59:59.999Z');
    expect(Date.parse(last.permit.validFrom)).toBeLessThanOrEqual(Date.now());
    expect(last.permit.approvedParts.map((p: { dataSourceId: string }) => p.dataSourceId).sort()).toEqual(['biobank-dnb', 'epj-region-midtjylland', 'lpr']);
    expect(last.permit.conditions).toEqual(expect.arrayContaining(['Results leave the research machine only as aggregated tables', 'Only patients treated at Region Midtjylland hospitals']));
    const decided = await caseNow('researcher');
    expect(decided.state).toBe('decided');
    expect(decided.clock.phase).toBe('stopped');

    // The applicant reads the decisions and the permit.
    const mineAsApplicant = (await get(`/v1/cases/${caseId}/decisions`, 'researcher').expect(200)).body;
    expect(mineAsApplicant.decisions).toHaveLength(3);
    expect(mineAsApplicant.drafts).toBeUndefined();
    expect(mineAsApplicant.decisions[0].decidedBy.sub).toBeUndefined();
    await get(`/v1/permits/${last.permit.id}`, 'researcher').expect(200);
    // The controller sees only its own part's decision.
    const asController = (await get(`/v1/cases/${caseId}/decisions`, 'controllerMidt').expect(200)).body;
    expect(asController.decisions.map((d: { subCaseId: string }) => d.subCaseId)).toEqual([sub['epj-region-midtjylland']]);

    // Withdrawal after the decision is refused.
    const application = (await get('/v1/applications', 'researcher').expect(200)).body.items.find((a: { case: { id: string } | null }) => a.case?.id === caseId);
    await post(`/v1/applications/${application.id}/withdraw`, 'researcher').expect(409);
  });

  it('explains a decision with a replay of its screening that reproduces the verdict', async () => {
    const explanation = (await get(`/v1/decisions/${lprDecisionId}/explanation`, 'auditor').expect(200)).body;
    expect(explanation.ruleSets.map((r: { id: string; sha256: string }) => r.id).sort()).toEqual(['common', 'national-registers']);
    expect(explanation.ruleSets.every((r: { sha256: string }) => /^[0-9a-f]{64}$/.test(r.sha256))).toBe(true);
    expect(explanation.facts).toBeDefined();
    expect(explanation.decision).toMatchObject({ outcome: 'approved', reasoning: expect.stringContaining('scientific research'), decidedBy: { sub: 'la-1', draftedBy: 'cw-1' } });
    expect(explanation.replay).toMatchObject({ verdict: explanation.engineVerdict, reproducesVerdict: true, reproducesFindings: true });
  });

  it('refuses a command on a stale case version with 412', async () => {
    const c = await caseNow();
    const stale = c.version - 1;
    await request(t.server)
      .post(`/v1/cases/${caseId}/sub-cases/${sub.lpr}/decision-drafts`)
      .set(bearer(tokens.caseworker))
      .set('If-Match', `"${stale}"`)
      .send({ outcome: 'rejected', legalBasis: 'x', reasoning: 'x', departureReason: 'x' })
      .expect(412);
  });

  it('corrects an issued decision with a new one that supersedes it and replaces the permit', async () => {
    const withoutReason = await post(`/v1/cases/${caseId}/sub-cases/${sub.lpr}/decision-drafts`, 'caseworker', {
      outcome: 'rejected',
      legalBasis: 'EHDS art. 68(1)',
      reasoning: 'The applicant lost the research environment authorisation.',
    }).expect(422);
    expect(withoutReason.body.errors[0].field).toBe('departureReason');
    const correction = (
      await post(`/v1/cases/${caseId}/sub-cases/${sub.lpr}/decision-drafts`, 'caseworker', {
        outcome: 'rejected',
        legalBasis: 'EHDS art. 68(1)',
        reasoning: 'The applicant lost the research environment authorisation.',
        departureReason: 'Facts changed after screening: authorisation withdrawn.',
        // Forvaltningsloven § 19, stk. 2: the applicant itself told us, so there is nothing to hear it on.
        hearingDispensedReason: 'The applicant itself reported that the authorisation was withdrawn.',
      }).expect(201)
    ).body;
    expect(correction.supersedes).toBe(lprDecisionId);
    const issued = (await post(`/v1/decision-drafts/${correction.id}/issue`, 'approver2').expect(201)).body;
    expect(issued.decision).toMatchObject({ supersedes: lprDecisionId, departsFromEngine: true });
    expect(issued.permit.approvedParts.map((p: { dataSourceId: string }) => p.dataSourceId).sort()).toEqual(['biobank-dnb', 'epj-region-midtjylland']);
    const all = (await get(`/v1/cases/${caseId}/decisions`, 'caseworker').expect(200)).body;
    const original = all.decisions.find((d: { id: string }) => d.id === lprDecisionId);
    expect(original).toMatchObject({ current: false, supersededBy: issued.decision.id, outcome: 'approved' });
    expect(all.permits.map((p: { state: string }) => p.state)).toEqual(['superseded', 'active']);
    // Issued decisions are immutable in the database too.
    await expect(t.app.get(DataSource).query(`UPDATE decision SET reasoning = 'edited' WHERE id = $1`, [lprDecisionId])).rejects.toThrow(/immutable/);
  });

  it('publishes decisions in the transparency register without personal data', async () => {
    const register = (await request(t.server).get('/v1/public/decisions').expect(200)).body;
    const ours = register.items.filter((d: { caseNumber: string }) => d.caseNumber === caseNumber);
    expect(ours).toHaveLength(4);
    for (const entry of ours) {
      expect(Object.keys(entry).sort()).toEqual(
        // caseKind: an application, or an amendment or extension of a permit (issue 15).
        ['applicantOrganisation', 'caseKind', 'caseNumber', 'conditions', 'dataSource', 'decidedAt', 'decidingAuthority', 'decisionId', 'legalBasis', 'outcome', 'permit', 'publishBy', 'purposeCategory', 'reasoning', 'supersedes', 'title', 'track'].sort(),
      );
      expect(JSON.stringify(entry)).not.toMatch(/cw-1|la-1|ctl-|mette/i);
    }
  });

  it('pages the decision register newest first with a stable cursor and refuses a forged one', async () => {
    const items: { decisionId: string; decidedAt: string }[] = (await request(t.server).get('/v1/public/decisions').query({ limit: 100 }).expect(200)).body.items;
    const decidedAt = items.map((d) => d.decidedAt);
    expect(decidedAt).toEqual([...decidedAt].sort().reverse());
    const whole = items.map((d) => d.decisionId);
    expect(whole.length).toBeGreaterThan(1);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await request(t.server).get('/v1/public/decisions').query(cursor ? { limit: 1, cursor } : { limit: 1 }).expect(200);
      paged.push(...page.body.items.map((d: { decisionId: string }) => d.decisionId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(whole);
    const forged = await request(t.server).get('/v1/public/decisions').query({ cursor: 'bm9wZQ' }).expect(400);
    expect(forged.body.type).toMatch(/bad-cursor$/);
  });

  it('refuses a decision draft by a caseworker with a declared conflict of interest in the applicant (forvaltningsloven § 3)', async () => {
    const conflicted = await t.token({ sub: 'cw-conflicted', role: 'caseworker', organisation: '33257872' });
    await request(t.server)
      .put('/v1/me/conflicts')
      .set(bearer(conflicted))
      .send({ organisations: [{ cvr: '31119103', reason: 'Spouse employed at Aarhus Universitet' }] })
      .expect(200);
    const { case: other } = await submitAndScreen(t, tokens.researcher, completeApplication());
    const refused = await request(t.server)
      .post(`/v1/cases/${other.id}/sub-cases/${other.subCases[0].id}/decision-drafts`)
      .set(bearer(conflicted))
      .send({ outcome: 'approved', legalBasis: 'EHDS art. 68', reasoning: 'ok' })
      .expect(403);
    expect(refused.body.type).toContain('conflict-of-interest');
  });

  it('revokes an active permit with reasons and tells the applicant', async () => {
    const { case: other } = await submitAndScreen(t, tokens.researcher, completeApplication());
    const draft = (
      await post(`/v1/cases/${other.id}/sub-cases/${other.subCases[0].id}/decision-drafts`, 'caseworker', { outcome: 'approved', legalBasis: 'EHDS art. 68', reasoning: 'ok' }).expect(201)
    ).body;
    const { permit } = (await post(`/v1/decision-drafts/${draft.id}/issue`, 'approver').expect(201)).body;
    await post(`/v1/permits/${permit.id}/revoke`, 'caseworker', { reason: 'x' }).expect(403);
    const revoked = (await post(`/v1/permits/${permit.id}/revoke`, 'approver', { reason: 'Data used outside the permit (EHDS art. 63)', urgencyReason: 'Data are being disclosed to a third party now.' }).expect(200)).body;
    expect(revoked).toMatchObject({ state: 'revoked', endReason: 'Data used outside the permit (EHDS art. 63)' });
    const notices = (await get('/v1/me/notifications', 'researcher').expect(200)).body.items;
    expect(notices.map((n: { kind: string }) => n.kind)).toContain('permit_revoked');
  });

  // Last in the file: it moves business time past the permits' validity.
  it('expires a permit when its validity has run out and tells the applicant', async () => {
    // Valid to the end of the project period applied for, 31 December 2028; on 1 January 2029 it has run out
    // and the permit-expiry sweep, on its own schedule, ends it.
    t.clock.set(new Date('2029-01-01T09:00:00Z'));
    const permits = await waitFor(async () => {
      const listed = (await get(`/v1/cases/${caseId}/decisions`, 'researcher').expect(200)).body.permits;
      return listed.some((p: { state: string }) => p.state === 'expired') ? listed : undefined;
    }, 20000, 'the scheduled permit-expiry sweep');
    expect(permits.map((p: { state: string }) => p.state)).toEqual(['superseded', 'expired']);
    const notices = (await get('/v1/me/notifications', 'researcher').expect(200)).body.items;
    expect(notices.map((n: { kind: string }) => n.kind)).toContain('permit_expired');
    await post(`/v1/permits/${permits[1].id}/revoke`, 'approver', { reason: 'x' }).expect(409);
  });
});
