import { ConflictCheck } from '@kp/cases';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest, submitAndScreen } from './support/applications';
import { waitFor } from './support/wait';

/** Cases come from Aarhus Universitet (CVR 31119103) unless another organisation is given. */
const AU = '31119103';
const SDU = '29283958';
const DAY_MS = 24 * 3600 * 1000;

describe('case work: queues, claiming and assignment, conflicts of interest, workload, notes (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let researcher: string;
  let otherResearcher: string;
  let cw1: string;
  let cw2: string;
  let cw3: string;
  let approver: string;
  let advisor: string;
  const central: { id: string; number: string }[] = [];
  let collaborative: { id: string; number: string };
  let sdu: { id: string; number: string };

  const get = (path: string, token: string) => request(t.server).get(path).set(bearer(token));
  const post = (path: string, token: string, body: object = {}) => request(t.server).post(path).set(bearer(token)).send(body);
  const auditActions = async (number: string) =>
    (await db.query(`SELECT action, payload FROM audit_event WHERE subject_type = 'case' AND subject_id = $1 ORDER BY seq`, [number])) as { action: string; payload: Record<string, unknown> }[];

  beforeAll(async () => {
    // The deadline sweep runs on its schedule every second and stores the at-risk and overdue figures the queues filter on.
    t = await startTestApp('case_work', { env: { DEADLINE_SWEEP_MS: '1000' } });
    db = t.app.get(DataSource);
    researcher = await t.token({ sub: 'researcher-1', role: 'researcher', organisation: AU });
    otherResearcher = await t.token({ sub: 'researcher-2', role: 'researcher', organisation: SDU });
    cw1 = await t.token({ sub: 'cw-1', role: 'caseworker', organisation: '33257872' });
    cw2 = await t.token({ sub: 'cw-2', role: 'caseworker', organisation: '33257872' });
    cw3 = await t.token({ sub: 'cw-3', role: 'caseworker', organisation: '33257872' });
    approver = await t.token({ sub: 'jurist-1', role: 'legal_approver', organisation: '33257872' });
    advisor = await t.token({ sub: 'advisor-rm', role: 'advisor', region: 'region-midtjylland' });
    // Complete applications submitted on different days, so their decisions fall due 3 months later on
    // different days (EHDS art. 68(4)); no Danish public holiday falls between July and November 2028.
    const centralCase = async (i: number) => (await submitAndScreen(t, researcher, completeApplication({ title: `Stroke cohort ${i}` }))).case;
    t.clock.set(new Date('2028-07-03T09:00:00Z')); // due Tuesday 3 October 2028
    collaborative = (await submitAndScreen(t, researcher, completeApplication({ title: 'Records only', dataRequests: [dataRequest('epj-region-midtjylland')] }))).case;
    t.clock.set(new Date('2028-07-17T09:00:00Z')); // due Tuesday 17 October 2028
    central[1] = await centralCase(1);
    t.clock.set(new Date('2028-08-15T09:00:00Z')); // both due Wednesday 15 November 2028
    central[0] = await centralCase(0);
    central[2] = await centralCase(2);
    t.clock.set(new Date('2028-08-16T09:00:00Z')); // due Thursday 16 November 2028
    const sduContent = completeApplication({ title: 'SDU study' });
    (sduContent.applicant as { organisation: { cvr: string; name: string } }).organisation = { ...(sduContent.applicant as { organisation: object }).organisation, cvr: SDU, name: 'Syddansk Universitet' } as never;
    sdu = (await submitAndScreen(t, otherResearcher, sduContent)).case;
    // Every staff member signs in to case work once (the directory assignments are checked against).
    for (const token of [cw1, cw2, cw3, approver]) await get('/v1/me/conflicts', token).expect(200);
  });
  afterAll(() => t.close());

  describe('queues', () => {
    it('lists open central cases soonest due first, with clock figures, sub-cases and open work counts', async () => {
      // Thursday 17 August 2028: 64 working days before cohort 0 is due on 15 November.
      t.clock.set(new Date('2028-08-17T09:00:00Z'));
      const res = await get('/v1/queues/central', cw1).expect(200);
      const ids = res.body.items.map((i: { id: string }) => i.id);
      expect(ids).toEqual(expect.arrayContaining([...central.map((c) => c.id), sdu.id]));
      expect(ids).not.toContain(collaborative.id);
      const item = res.body.items.find((i: { id: string }) => i.id === central[0].id);
      expect(item).toMatchObject({
        number: central[0].number,
        title: 'Stroke cohort 0',
        state: 'in_review',
        applicant: { organisation: 'Aarhus Universitet', cvr: AU },
        subCases: [expect.objectContaining({ dataSourceId: 'lpr', track: 'central', state: 'in_review' })],
        assignee: null,
        atRisk: false,
        overdue: false,
        openConsultations: 0,
        openLegalMatters: 0,
      });
      expect(item.daysLeft).toBeGreaterThan(50);
      expect(new Date(item.dueAt).getTime()).toBeGreaterThan(t.clock.now().getTime());
      const dues = res.body.items.map((i: { dueAt: string }) => i.dueAt);
      expect([...dues].sort()).toEqual(dues);
    });

    it('puts cases with an open collaborative sub-case in the collaborative queue, with their rule-required consultation counted', async () => {
      const res = await get('/v1/queues/collaborative', cw1).expect(200);
      expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([collaborative.id]);
      expect(res.body.items[0]).toMatchObject({ subCases: [expect.objectContaining({ dataSourceId: 'epj-region-midtjylland', track: 'collaborative' })] });
      expect(res.body.items[0].openConsultations).toBeGreaterThanOrEqual(1);
    });

    it('pages with a stable cursor ordered by due date then id', async () => {
      // Distinct due dates, one tie (cohorts 0 and 2, submitted the same day), so the order is due date first and id second.
      const all = (await get('/v1/queues/central?limit=100', cw1).expect(200)).body.items.map((i: { id: string }) => i.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: request.Response = await get(`/v1/queues/central?limit=2${cursor ? `&cursor=${cursor}` : ''}`, cw1).expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((i: { id: string }) => i.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all);
      expect(all[0]).toBe(central[1].id);
      const tie = [central[0].id, central[2].id].sort();
      expect(all.filter((id: string) => tie.includes(id))).toEqual(tie);
      const bad = await get('/v1/queues/central?cursor=not-a-cursor', cw1).expect(400);
      expect(bad.body.type).toContain('bad-cursor');
    });

    it('filters by data source, track, state, due date, at risk and assignee', async () => {
      // Thursday 5 October 2028: within 30 days only cohort 1 (17 October) falls due.
      t.clock.set(new Date('2028-10-05T09:00:00Z'));
      const ids = async (query: string, queue = 'central') => (await get(`/v1/queues/${queue}?${query}`, cw1).expect(200)).body.items.map((i: { id: string }) => i.id);
      expect(await ids('dataSource=epj-region-midtjylland', 'collaborative')).toEqual([collaborative.id]);
      expect(await ids('dataSource=epj-region-midtjylland')).toEqual([]);
      expect(await ids('track=collaborative')).toEqual([]);
      expect((await ids('state=in_review')).length).toBe(4);
      expect(await ids('state=awaiting_applicant')).toEqual([]);
      const soon = new Date(t.clock.now().getTime() + 30 * DAY_MS).toISOString();
      expect(await ids(`dueBefore=${soon}`)).toEqual([central[1].id]);
      // Cohort 1 has 8 working days left (6, 9–13, 16 and 17 October): within the 10 the policy warns
      // before; cohorts 0 and 2 have 29 and SDU 30. The sweep tells the caseworkers when it marks it.
      await waitFor(async () => {
        const res = await get('/v1/me/notifications', cw1).query({ kind: 'deadline_at_risk', case: central[1].number }).expect(200);
        return res.body.items[0];
      }, 20000, 'the scheduled deadline sweep');
      expect(await ids('atRisk=true')).toEqual([central[1].id]);
      expect(await ids('atRisk=false')).not.toContain(central[1].id);
      expect((await ids('assignee=unassigned')).length).toBe(4);
      const invalid = await get('/v1/queues/central?atRisk=maybe&colour=red', cw1).expect(400);
      expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['atRisk', 'colour']);
    });

    it('shows cases whose draft decision waits for a legal approver in the approval queue', async () => {
      const [subCase] = (await get(`/v1/cases/${central[2].id}`, cw1).expect(200)).body.subCases;
      const draft = await post(`/v1/cases/${central[2].id}/sub-cases/${subCase.id}/decision-drafts`, cw1, {
        outcome: 'approved',
        legalBasis: 'EHDS art. 68',
        reasoning: 'The purpose is scientific research and the data requested are necessary.',
      }).expect(201);
      try {
        const res = await get('/v1/queues/approval', approver).expect(200);
        expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([central[2].id]);
        expect(res.body.items[0].subCases[0].state).toBe('awaiting_approval');
      } finally {
        // The legal approver sends it back, and the part is in review again.
        await post(`/v1/decision-drafts/${draft.body.id}/return`, approver, { reason: 'Not yet: the claims and conflicts below need it in review.' }).expect(204);
      }
    });

    it('answers 404 for an unknown queue and 403 for a researcher', async () => {
      const unknown = await get('/v1/queues/urgent', cw1).expect(404);
      expect(unknown.headers['content-type']).toContain('application/problem+json');
      expect(unknown.body).toMatchObject({ type: expect.stringContaining('unknown-queue'), queues: ['central', 'collaborative', 'approval', 'mine'] });
      await get('/v1/queues/central', researcher).expect(403);
      await get('/v1/workload', advisor).expect(403);
    });
  });

  describe('claim, release, assign', () => {
    it('gives a case one assignee at a time: a second claim is refused naming the holder, only the holder releases', async () => {
      const c = central[0];
      const claimed = await post(`/v1/cases/${c.id}/claim`, cw1).expect(200);
      expect(claimed.body).toMatchObject({ caseId: c.id, assignee: 'cw-1' });
      expect(claimed.headers.etag).toBe(`"${claimed.body.version}"`);
      await post(`/v1/cases/${c.id}/claim`, cw1).expect(200); // already yours: nothing changes

      const refused = await post(`/v1/cases/${c.id}/claim`, cw2).expect(409);
      expect(refused.body).toMatchObject({ type: expect.stringContaining('case-claimed'), holder: 'cw-1' });
      expect(refused.body.detail).toContain('cw-1');
      const notHolder = await post(`/v1/cases/${c.id}/release`, cw2).expect(403);
      expect(notHolder.body.holder).toBe('cw-1');

      const mine = await get('/v1/queues/mine', cw1).expect(200);
      expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([c.id]);
      // The queue row offers a claim only on a case nobody holds (the console's button in the row).
      const rowSteps = async (token: string) => (await get('/v1/queues/central?limit=100', token).expect(200)).body.items.find((i: { id: string }) => i.id === c.id).nextSteps;
      expect(await rowSteps(cw2)).toEqual([]);
      expect(await rowSteps(cw1)).toEqual([]);
      expect((await get(`/v1/queues/central?assignee=cw-1`, cw2).expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([c.id]);

      const released = await post(`/v1/cases/${c.id}/release`, cw1).set('If-Match', claimed.headers.etag).expect(200);
      expect(released.body.assignee).toBeNull();
      await post(`/v1/cases/${c.id}/release`, cw1).expect(409);
      expect((await get('/v1/queues/mine', cw1).expect(200)).body.items).toEqual([]);
      expect(await rowSteps(cw2)).toEqual([{ command: 'claim' }]);
      await post(`/v1/cases/${c.id}/claim`, cw2).expect(200);

      const actions = (await auditActions(c.number)).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['case.claimed', 'case.released']));
      expect(actions.filter((a) => a === 'case.claimed')).toHaveLength(2);
    });

    it('assigns to a caseworker or legal approver, replacing the holder, and refuses an unknown assignee', async () => {
      const c = central[1];
      const assigned = await post(`/v1/cases/${c.id}/assign`, cw1, { assignee: 'cw-2' }).expect(200);
      expect(assigned.body.assignee).toBe('cw-2');
      const toApprover = await post(`/v1/cases/${c.id}/assign`, approver, { assignee: 'jurist-1' }).expect(200);
      expect(toApprover.body.assignee).toBe('jurist-1');
      const unknown = await post(`/v1/cases/${c.id}/assign`, cw1, { assignee: 'nobody-9' }).expect(422);
      expect(unknown.body.type).toContain('unknown-assignee');
      await post(`/v1/cases/${c.id}/assign`, cw1, { assignee: 'researcher-1' }).expect(422);
      await post(`/v1/cases/${c.id}/assign`, cw1, {}).expect(400);
      await post(`/v1/cases/${c.id}/assign`, researcher, { assignee: 'cw-1' }).expect(403);
      const events = (await auditActions(c.number)).filter((e) => e.action === 'case.assigned');
      expect(events.map((e) => e.payload)).toEqual([
        expect.objectContaining({ assignee: 'cw-2', previous: null }),
        expect.objectContaining({ assignee: 'jurist-1', previous: 'cw-2', assigneeRole: 'legal_approver' }),
      ]);
    });

    it('lets exactly one of two racing claims win', async () => {
      const c = sdu;
      const [a, b] = await Promise.all([post(`/v1/cases/${c.id}/claim`, cw1), post(`/v1/cases/${c.id}/claim`, cw2)]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const winner = a.status === 200 ? a.body.assignee : b.body.assignee;
      expect((a.status === 409 ? a : b).body.holder).toBe(winner);
      await post(`/v1/cases/${c.id}/release`, winner === 'cw-1' ? cw1 : cw2).expect(200);
    });

    it('answers 412 to a claim on a stale version and 404 on a case that does not exist', async () => {
      const c = central[2];
      const before = (await get(`/v1/cases/${c.id}`, cw3).expect(200)).headers.etag;
      await post(`/v1/cases/${c.id}/assign`, cw1, { assignee: 'cw-1' }).expect(200);
      const stale = await post(`/v1/cases/${c.id}/claim`, cw2).set('If-Match', before).expect(412);
      expect(stale.body.type).toContain('stale-version');
      await post(`/v1/cases/${c.id}/release`, cw1).set('If-Match', before).expect(412);
      await post('/v1/cases/EK-2020-999999/claim', cw1).expect(404);
      await post(`/v1/cases/${c.id}/release`, cw1).expect(200);
    });
  });

  describe('conflicts of interest (forvaltningsloven § 3)', () => {
    it('refuses a claim by, and an assignment to, a caseworker with a declared conflict in the applicant organisation', async () => {
      const declared = await request(t.server)
        .put('/v1/me/conflicts')
        .set(bearer(cw3))
        .send({ organisations: [{ cvr: AU, reason: 'Spouse is employed at Aarhus Universitet' }] })
        .expect(200);
      expect(declared.body.organisations).toEqual([expect.objectContaining({ cvr: AU, reason: 'Spouse is employed at Aarhus Universitet' })]);
      expect((await get('/v1/me/conflicts', cw3).expect(200)).body.organisations.map((o: { cvr: string }) => o.cvr)).toEqual([AU]);
      expect((await get('/v1/me/conflicts', cw1).expect(200)).body.organisations).toEqual([]);

      const c = central[2];
      const rowSteps = async (token: string, id: string) => (await get('/v1/queues/central?limit=100', token).expect(200)).body.items.find((i: { id: string }) => i.id === id).nextSteps;
      expect(await rowSteps(cw3, c.id)).toEqual([]);
      expect(await rowSteps(cw1, c.id)).toEqual([{ command: 'claim' }]);
      expect(await rowSteps(cw3, sdu.id)).toEqual([{ command: 'claim' }]);
      const refused = await post(`/v1/cases/${c.id}/claim`, cw3).expect(403);
      expect(refused.body).toMatchObject({ type: expect.stringContaining('conflict-of-interest'), organisation: AU });
      expect(refused.body.detail).toContain('forvaltningsloven § 3');
      const assign = await post(`/v1/cases/${c.id}/assign`, cw1, { assignee: 'cw-3' }).expect(403);
      expect(assign.body.type).toContain('conflict-of-interest');
      expect(assign.body.detail).toContain('cw-3');
      // Another organisation's case is fine.
      await post(`/v1/cases/${sdu.id}/claim`, cw3).expect(200);
      await post(`/v1/cases/${sdu.id}/release`, cw3).expect(200);

      await expect(db.transaction((m) => t.app.get(ConflictCheck).assertNoConflict(m, 'cw-3', AU))).rejects.toMatchObject({ code: 'conflict-of-interest' });
      await expect(db.transaction((m) => t.app.get(ConflictCheck).assertNoConflict(m, 'cw-1', AU))).resolves.toBeUndefined();

      const [event] = await db.query(`SELECT payload FROM audit_event WHERE action = 'staff.conflicts_declared' AND subject_id = 'cw-3' ORDER BY seq DESC LIMIT 1`);
      expect(event.payload).toEqual({ organisations: [AU], added: [AU], removed: [] });
      expect(JSON.stringify(event.payload)).not.toContain('Spouse');

      // Withdrawing the declaration lets the caseworker take the case.
      await request(t.server).put('/v1/me/conflicts').set(bearer(cw3)).send({ organisations: [] }).expect(200);
      await post(`/v1/cases/${c.id}/claim`, cw3).expect(200);
      await post(`/v1/cases/${c.id}/release`, cw3).expect(200);
    });

    it('validates a declaration and lets only staff declare', async () => {
      const bad = await request(t.server)
        .put('/v1/me/conflicts')
        .set(bearer(cw1))
        .send({ organisations: [{ cvr: '123', reason: '' }] })
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['organisations[0].cvr', 'organisations[0].reason']);
      const twice = await request(t.server)
        .put('/v1/me/conflicts')
        .set(bearer(cw1))
        .send({ organisations: [{ cvr: AU, reason: 'a' }, { cvr: AU, reason: 'b' }] })
        .expect(400);
      expect(twice.body.errors[0].field).toBe('organisations[1].cvr');
      await request(t.server).put('/v1/me/conflicts').set(bearer(researcher)).send({ organisations: [] }).expect(403);
    });
  });

  it('shows the workload per assignee and per queue with at-risk and overdue counts', async () => {
    // Friday 6 October 2028: the collaborative case was due on 3 October and the sweep has marked it overdue;
    // cohort 1 (due 17 October) is not yet, and the unassigned cohort 2 and SDU case are more than 10 working days from theirs.
    t.clock.set(new Date('2028-10-06T09:00:00Z'));
    await waitFor(async () => {
      const res = await get('/v1/me/notifications', approver).query({ kind: 'deadline_overdue', case: collaborative.number }).expect(200);
      return res.body.items[0];
    }, 20000, 'the scheduled deadline sweep');
    await post(`/v1/cases/${collaborative.id}/claim`, approver).expect(200);
    const res = await get('/v1/workload', cw1).expect(200);
    const byAssignee = Object.fromEntries(res.body.byAssignee.map((a: { assignee: string | null }) => [a.assignee ?? '(unassigned)', a]));
    expect(byAssignee['cw-2']).toMatchObject({ open: 1, role: 'caseworker' });
    expect(byAssignee['jurist-1']).toMatchObject({ open: 2, overdue: 1, role: 'legal_approver' });
    expect(byAssignee['(unassigned)']).toMatchObject({ open: 2, atRisk: 0, overdue: 0 });
    expect(res.body.totals).toMatchObject({ open: 5, unassigned: 2, overdue: 1 });
    const byQueue = Object.fromEntries(res.body.byQueue.map((q: { queue: string }) => [q.queue, q]));
    expect(byQueue.central).toMatchObject({ open: 4, unassigned: 2, overdue: 0 });
    expect(byQueue.collaborative).toMatchObject({ open: 1, unassigned: 0, overdue: 1 });
    expect(byQueue.approval).toMatchObject({ open: 0 });
  });

  it('documents every case-work route and its problem responses in OpenAPI', async () => {
    const spec = (await request(t.server).get('/openapi.json').expect(200)).body;
    const routes: [string, string, string[]][] = [
      ['/v1/queues/{queue}', 'get', ['200', '404']],
      ['/v1/workload', 'get', ['200', '403']],
      ['/v1/cases/{id}/claim', 'post', ['200', '403', '409', '412']],
      ['/v1/cases/{id}/release', 'post', ['200', '403', '409', '412']],
      ['/v1/cases/{id}/assign', 'post', ['200', '403', '412', '422']],
      ['/v1/me/conflicts', 'put', ['200', '400']],
      ['/v1/me/conflicts', 'get', ['200']],
      ['/v1/cases/{id}/consultations', 'post', ['201', '400', '412']],
      ['/v1/consultations', 'get', ['200']],
      ['/v1/consultations/{id}/answer', 'post', ['200', '404', '409']],
      ['/v1/cases/{id}/legal-matters/{matterId}/resolve', 'post', ['200', '404', '409', '412']],
      ['/v1/cases/{id}/notes', 'post', ['201', '400']],
      ['/v1/cases/{id}/notes', 'get', ['200', '404']],
    ];
    for (const [path, method, statuses] of routes) {
      expect(Object.keys(spec.paths[path]?.[method]?.responses ?? {})).toEqual(expect.arrayContaining(statuses));
    }
  });

  describe('notes', () => {
    it('shows staff every note and the applicant only the notes addressed to them; others get 404', async () => {
      const c = central[0];
      const internal = await post(`/v1/cases/${c.id}/notes`, cw1, { text: 'Check the ethics approval number with VEK.', visibility: 'internal' }).expect(201);
      expect(internal.body).toMatchObject({ visibility: 'internal', author: { sub: 'cw-1', role: 'caseworker' } });
      await post(`/v1/cases/${c.id}/notes`, approver, { text: 'We expect to decide within four weeks.', visibility: 'applicant' }).expect(201);

      const staff = await get(`/v1/cases/${c.id}/notes`, cw2).expect(200);
      expect(staff.body.items.map((n: { visibility: string }) => n.visibility)).toEqual(['internal', 'applicant']);
      const applicant = await get(`/v1/cases/${c.id}/notes`, researcher).expect(200);
      expect(applicant.body.items).toEqual([expect.objectContaining({ text: 'We expect to decide within four weeks.', author: { role: 'legal_approver' } })]);
      await get(`/v1/cases/${c.id}/notes`, otherResearcher).expect(404);
      await get(`/v1/cases/${c.id}/notes`, advisor).expect(404);

      await post(`/v1/cases/${c.id}/notes`, researcher, { text: 'hello', visibility: 'applicant' }).expect(403);
      const invalid = await post(`/v1/cases/${c.id}/notes`, cw1, { text: '', visibility: 'public' }).expect(400);
      expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['text', 'visibility']);

      const events = (await auditActions(c.number)).filter((e) => e.action === 'case.note_added');
      expect(events.map((e) => e.payload)).toEqual([
        { caseId: c.id, noteId: internal.body.id, visibility: 'internal' },
        expect.objectContaining({ visibility: 'applicant' }),
      ]);
      expect(JSON.stringify(events)).not.toContain('ethics approval');
    });
  });
});
