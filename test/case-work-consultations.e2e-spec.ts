import { LegalMatterGate } from '@kp/cases';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest, submitAndScreen } from './support/applications';
import { waitFor } from './support/wait';

const DAY_MS = 24 * 3600 * 1000;

describe('case work: consultations (rådgivning) and legal matters (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let researcher: string;
  let caseworker: string;
  let approver: string;
  let advisorRm: string;
  let advisorRh: string;

  const get = (path: string, token: string) => request(t.server).get(path).set(bearer(token));
  const post = (path: string, token: string, body: object = {}) => request(t.server).post(path).set(bearer(token)).send(body);
  const caseState = async (id: string) => (await get(`/v1/cases/${id}`, caseworker).expect(200)).body.state as string;
  /** A deadline `days` from now in business time. */
  const inDays = (days: number) => new Date(t.clock.now().getTime() + days * DAY_MS).toISOString();

  beforeAll(async () => {
    // A tiny sweep interval, so the scheduled job lapses a consultation a second after its deadline.
    t = await startTestApp('case_work_consultations', { env: { CONSULTATION_SWEEP_MS: '300' } });
    db = t.app.get(DataSource);
    researcher = await t.token({ sub: 'researcher-1', role: 'researcher', organisation: '31119103' });
    caseworker = await t.token({ sub: 'cw-1', role: 'caseworker', organisation: '33257872' });
    approver = await t.token({ sub: 'jurist-1', role: 'legal_approver', organisation: '33257872' });
    advisorRm = await t.token({ sub: 'advisor-rm', role: 'advisor', region: 'region-midtjylland' });
    advisorRh = await t.token({ sub: 'advisor-rh', role: 'advisor', region: 'region-hovedstaden' });
  });
  afterAll(() => t.close());

  it('sends a question to Region Midtjylland, answered by its advisor and refused for another region’s; the case waits in consultation until then', async () => {
    const { case: c } = await submitAndScreen(t, researcher, completeApplication());
    expect(c.consultations).toBeUndefined(); // the applicant does not see consultations
    const before = await get(`/v1/cases/${c.id}`, caseworker).expect(200);
    expect(before.body.consultations).toEqual([]);

    const asked = await post(`/v1/cases/${c.id}/consultations`, caseworker, {
      advisorRegion: 'region-midtjylland',
      subCaseId: before.body.subCases[0].id,
      question: 'Is the population definition feasible in the regional records?',
      deadline: inDays(10),
    })
      .set('If-Match', before.headers.etag)
      .expect(201);
    expect(asked.body).toMatchObject({ advisorRegion: 'region-midtjylland', state: 'open', origin: 'caseworker', requestedBy: 'cw-1', case: { id: c.id, state: 'consultation' } });
    expect(await caseState(c.id)).toBe('consultation');

    const rmList = await get('/v1/consultations?state=open', advisorRm).expect(200);
    expect(rmList.body.items.map((k: { id: string }) => k.id)).toContain(asked.body.id);
    const rhList = await get('/v1/consultations', advisorRh).expect(200);
    expect(rhList.body.items.map((k: { id: string }) => k.id)).not.toContain(asked.body.id);
    // The advisor may now read the case the question is about; the other region's may not.
    await get(`/v1/cases/${c.id}`, advisorRm).expect(200);
    await get(`/v1/cases/${c.id}`, advisorRh).expect(404);

    const refused = await post(`/v1/consultations/${asked.body.id}/answer`, advisorRh, { answer: 'We cannot say.' }).expect(404);
    expect(refused.body.type).toContain('not-found');
    await post(`/v1/consultations/${asked.body.id}/answer`, caseworker, { answer: 'Me neither.' }).expect(403);

    const answered = await post(`/v1/consultations/${asked.body.id}/answer`, advisorRm, { answer: 'Yes: diagnosis codes DI61–DI64 are recorded reliably since 2015.' }).expect(200);
    expect(answered.body).toMatchObject({ state: 'answered', answeredBy: 'advisor-rm', answer: expect.stringContaining('DI61') });
    expect(await caseState(c.id)).toBe('in_review');
    const again = await post(`/v1/consultations/${asked.body.id}/answer`, advisorRm, { answer: 'Again' }).expect(409);
    expect(again.body.type).toContain('consultation-closed');

    const events = await db.query(`SELECT action, payload FROM audit_event WHERE subject_id = $1 AND action LIKE 'consultation.%' ORDER BY seq`, [c.number]);
    expect(events.map((e: { action: string }) => e.action)).toEqual(['consultation.requested', 'consultation.answered']);
    expect(events[1].payload).toMatchObject({ consultationId: asked.body.id, caseState: 'in_review' });
    expect(JSON.stringify(events)).not.toContain('DI61');
  });

  it('lists and answers the consultation the rules created for a regional patient record', async () => {
    const { case: c } = await submitAndScreen(t, researcher, completeApplication({ dataRequests: [dataRequest('epj-region-midtjylland')] }));
    const list = await get(`/v1/consultations?caseId=${c.id}`, advisorRm).expect(200);
    const ruleMade = list.body.items.find((k: { origin: string }) => k.origin === 'rule');
    expect(ruleMade).toMatchObject({ advisorRegion: 'region-midtjylland', state: 'open', case: { id: c.id, number: c.number } });
    // The rule set's question in each language on its own (the Danish console shows no English).
    expect(ruleMade.questionText).toEqual({ da: 'Regionens datastøttecenter rådgiver om ansøgningen.', en: "The region's data-support centre advises on the application." });
    await post(`/v1/consultations/${ruleMade.id}/answer`, advisorRm, { answer: 'The records hold what is asked for.' }).expect(200);
    const staffView = await get(`/v1/cases/${c.id}`, caseworker).expect(200);
    expect(staffView.body.consultations.find((k: { id: string }) => k.id === ruleMade.id)).toMatchObject({ state: 'answered', questionText: { da: 'Regionens datastøttecenter rådgiver om ansøgningen.' } });
    expect((await get(`/v1/consultations?caseId=${c.id}`, caseworker).expect(200)).body.items.length).toBeGreaterThanOrEqual(1);
  });

  it('lapses an unanswered consultation after its deadline (scheduled sweep) and puts the case back in review', async () => {
    const { case: c } = await submitAndScreen(t, researcher, completeApplication());
    const asked = await post(`/v1/cases/${c.id}/consultations`, caseworker, {
      advisorRegion: 'region-midtjylland',
      question: 'Anything we should know about this cohort?',
      deadline: new Date(t.clock.now().getTime() + 1000).toISOString(),
    }).expect(201);
    expect(await caseState(c.id)).toBe('consultation');
    await waitFor(async () => (await caseState(c.id)) === 'in_review', 20000, 'the consultation sweep');
    const view = await get(`/v1/cases/${c.id}`, caseworker).expect(200);
    expect(view.body.consultations).toEqual([expect.objectContaining({ id: asked.body.id, state: 'lapsed', lapsedAt: expect.any(String), answeredAt: null })]);
    const listed = (await get('/v1/consultations?state=lapsed', advisorRm).expect(200)).body.items;
    expect(listed.find((k: { id: string }) => k.id === asked.body.id).lapsedAt).toEqual(expect.any(String));
    const late = await post(`/v1/consultations/${asked.body.id}/answer`, advisorRm, { answer: 'Sorry, late.' }).expect(409);
    expect(late.body.detail).toContain('lapsed');
    const [event] = await db.query(`SELECT actor_sub, payload FROM audit_event WHERE subject_id = $1 AND action = 'consultation.lapsed'`, [c.number]);
    expect(event).toMatchObject({ actor_sub: 'system', payload: expect.objectContaining({ fromState: 'consultation', caseState: 'in_review' }) });
  });

  it('lapses only the consultation past its deadline, and leaves the case waiting while another is still within its deadline', async () => {
    t.clock.set(new Date('2028-03-01T09:00:00Z'));
    const { case: c } = await submitAndScreen(t, researcher, completeApplication());
    const short = await post(`/v1/cases/${c.id}/consultations`, caseworker, { advisorRegion: 'region-midtjylland', question: 'Short?', deadline: '2028-03-02T09:00:00Z' }).expect(201);
    await post(`/v1/cases/${c.id}/consultations`, caseworker, { advisorRegion: 'region-syddanmark', question: 'Long?', deadline: '2028-03-21T09:00:00Z' }).expect(201);
    // Two days on, the short deadline has passed and the long one has not; the sweep runs on its schedule.
    t.clock.set(new Date('2028-03-03T09:00:00Z'));
    const view = await waitFor(async () => {
      const res = await get(`/v1/cases/${c.id}`, caseworker).expect(200);
      return res.body.consultations.find((k: { id: string }) => k.id === short.body.id).state === 'lapsed' ? res : undefined;
    }, 20000, 'the consultation sweep');
    expect(view.body.state).toBe('consultation');
    expect(view.body.consultations.map((k: { state: string }) => k.state)).toEqual(['lapsed', 'open']);
  });

  it('refuses a consultation with a past deadline, from a researcher, or with a stale If-Match', async () => {
    const { case: c } = await submitAndScreen(t, researcher, completeApplication());
    const past = await post(`/v1/cases/${c.id}/consultations`, caseworker, { advisorRegion: 'region-midtjylland', question: 'Q?', deadline: inDays(-1) }).expect(400);
    expect(past.body.errors).toEqual([{ field: 'deadline', messages: ['skal ligge i fremtiden'] }]);
    await post(`/v1/cases/${c.id}/consultations`, researcher, { advisorRegion: 'region-midtjylland', question: 'Q?', deadline: inDays(3) }).expect(403);
    const stale = await post(`/v1/cases/${c.id}/consultations`, caseworker, { advisorRegion: 'region-midtjylland', question: 'Q?', deadline: inDays(3) })
      .set('If-Match', '"999"')
      .expect(412);
    expect(stale.body.type).toContain('stale-version');
  });

  it('blocks a decision on a legal matter until it is resolved with a document reference', async () => {
    const { case: c } = await submitAndScreen(t, researcher, completeApplication({ dataRequests: [dataRequest('biobank-dnb', { biologicalMaterial: true })] }));
    const view = await get(`/v1/cases/${c.id}`, caseworker).expect(200);
    const subCaseId = view.body.subCases[0].id;
    const matter = view.body.legalMatters.find((m: { kind: string }) => m.kind === 'datatilsynet_permission');
    expect(matter).toMatchObject({ state: 'open', blocking: true });
    expect((await get(`/v1/queues/collaborative`, caseworker).expect(200)).body.items.find((i: { id: string }) => i.id === c.id).openLegalMatters).toBeGreaterThanOrEqual(1);

    const gate = t.app.get(LegalMatterGate);
    const blocked = await db.transaction((m) => gate.assertResolved(m, subCaseId)).catch((error) => error);
    expect(blocked).toMatchObject({ code: 'legal-matter-open' });
    expect(blocked.params.openLegalMatters.map((m: { id: string }) => m.id)).toContain(matter.id);

    await post(`/v1/cases/${c.id}/legal-matters/${matter.id}/resolve`, researcher, { documentReference: 'x' }).expect(403);
    await post(`/v1/cases/${c.id}/legal-matters/${matter.id}/resolve`, caseworker, {}).expect(400);
    await post(`/v1/cases/${c.id}/legal-matters/${matter.id}/resolve`, caseworker, { documentReference: 'x' }).set('If-Match', '"999"').expect(412);
    await post(`/v1/cases/${c.id}/legal-matters/00000000-0000-4000-8000-000000000000/resolve`, caseworker, { documentReference: 'x' }).expect(404);

    const others = view.body.legalMatters.filter((m: { id: string; blocking: boolean }) => m.id !== matter.id && m.blocking);
    const resolved = await post(`/v1/cases/${c.id}/legal-matters/${matter.id}/resolve`, approver, { documentReference: 'Datatilsynet 2026-31-1234' })
      .set('If-Match', view.headers.etag)
      .expect(200);
    expect(resolved.body).toMatchObject({ state: 'resolved', documentReference: 'Datatilsynet 2026-31-1234', resolvedBy: 'jurist-1', resolvedAt: expect.any(String) });
    expect(resolved.headers.etag).toBe(`"${view.body.version + 1}"`);
    await post(`/v1/cases/${c.id}/legal-matters/${matter.id}/resolve`, caseworker, { documentReference: 'again' }).expect(409);
    for (const other of others) await post(`/v1/cases/${c.id}/legal-matters/${other.id}/resolve`, caseworker, { documentReference: `DOC-${other.code}` }).expect(200);

    await expect(db.transaction((m) => gate.assertResolved(m, subCaseId))).resolves.toBeUndefined();
    const after = await get(`/v1/cases/${c.id}`, caseworker).expect(200);
    expect(after.body.legalMatters.find((m: { id: string }) => m.id === matter.id)).toMatchObject({ state: 'resolved', documentReference: 'Datatilsynet 2026-31-1234' });
    const [event] = await db.query(`SELECT payload FROM audit_event WHERE subject_id = $1 AND action = 'legal_matter.resolved' ORDER BY seq LIMIT 1`, [c.number]);
    expect(event.payload).toMatchObject({ legalMatterId: matter.id, kind: 'datatilsynet_permission', documentReference: 'Datatilsynet 2026-31-1234' });
  });
});
