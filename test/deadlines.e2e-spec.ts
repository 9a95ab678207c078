import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest, submitAndScreen } from './support/applications';
import { waitFor } from './support/wait';

const DAY = 24 * 3600 * 1000;

describe('deadlines: supplement pauses the clock, resubmission resumes and re-screens, extensions (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let researcher: string;
  let otherResearcher: string;
  let caseworker: string;
  let approver: string;

  const getCase = async (id: string, token = caseworker) => (await request(t.server).get(`/v1/cases/${id}`).set(bearer(token)).expect(200)).body;
  const notices = async (token: string, query: Record<string, string>) =>
    (await request(t.server).get('/v1/me/notifications').query(query).set(bearer(token)).expect(200)).body.items;

  beforeAll(async () => {
    t = await startTestApp('deadlines');
    db = t.app.get(DataSource);
    researcher = await t.token({ sub: 'dl-researcher-1', role: 'researcher', organisation: '31119103' });
    otherResearcher = await t.token({ sub: 'dl-researcher-2', role: 'researcher', organisation: '30060946' });
    caseworker = await t.token({ sub: 'dl-caseworker-1', role: 'caseworker', organisation: '33257872' });
    approver = await t.token({ sub: 'dl-approver-1', role: 'legal_approver', organisation: '33257872' });
  });
  afterAll(() => t.close());

  describe('request for supplement and resubmission (EHDS art. 68(4))', () => {
    let applicationId: string;
    let caseId: string;
    let number: string;
    let dueBefore: string;

    beforeAll(async () => {
      // Complete on Tuesday 1 February 2028: the decision is due 3 months later, Monday 1 May 2028.
      t.clock.set(new Date('2028-02-01T09:00:00Z'));
      const submitted = await submitAndScreen(t, researcher, completeApplication());
      applicationId = submitted.applicationId;
      caseId = submitted.case.id;
      number = submitted.case.number;
      // 20 days on, so a pause has a clock to stop.
      t.clock.set(new Date('2028-02-21T09:00:00Z'));
      const c = await getCase(caseId);
      dueBefore = c.clock.dueDate;
      expect(dueBefore).toBe('2028-05-01');
    });

    it('refuses a resubmission while nothing was asked (409)', async () => {
      const refused = await request(t.server).post(`/v1/applications/${applicationId}/resubmit`).set(bearer(researcher)).send({}).expect(409);
      expect(refused.body).toMatchObject({ state: 'in_review', command: 'resubmit' });
    });

    it('refuses the request to the applicant, a stale If-Match and empty questions', async () => {
      await request(t.server).post(`/v1/cases/${caseId}/supplement-requests`).set(bearer(researcher)).send({ questions: ['?'] }).expect(403);
      const c = await getCase(caseId);
      await request(t.server).post(`/v1/cases/${caseId}/supplement-requests`).set(bearer(caseworker)).set('If-Match', `"${c.version - 1}"`).send({ questions: ['?'] }).expect(412);
      const empty = await request(t.server).post(`/v1/cases/${caseId}/supplement-requests`).set(bearer(caseworker)).send({ questions: [] }).expect(400);
      expect(empty.body.errors.map((e: { field: string }) => e.field)).toContain('questions');
      const foreign = await request(t.server)
        .post(`/v1/cases/${caseId}/supplement-requests`)
        .set(bearer(caseworker))
        .send({ questions: ['?'], subCaseId: '00000000-0000-4000-8000-000000000000' })
        .expect(422);
      expect(foreign.body.errors[0].field).toBe('subCaseId');
      expect((await getCase(caseId)).state).toBe('in_review');
    });

    it('puts the case to the applicant, stops the clock and tells the applicant what to answer', async () => {
      const c = await getCase(caseId);
      const created = await request(t.server)
        .post(`/v1/cases/${caseId}/supplement-requests`)
        .set(bearer(caseworker))
        .set('If-Match', `"${c.version}"`)
        .send({ questions: ['Which ethics approval covers the linkage?', 'Shorten the retention period.'], subCaseId: c.subCases[0].id })
        .expect(201);
      expect(created.body).toMatchObject({ state: 'open', subCaseId: c.subCases[0].id, case: { state: 'awaiting_applicant', version: c.version + 1 } });
      expect(created.headers.etag).toBe(`"${c.version + 1}"`);
      // EHDS art. 68(4): 4 weeks to complete, ending on a working day.
      expect(new Date(created.body.answerDueAt).getTime()).toBeGreaterThan(t.clock.now().getTime() + 27 * DAY);

      const mine = await getCase(caseId, researcher);
      expect(mine.state).toBe('awaiting_applicant');
      expect(mine.nextSteps.map((s: { command: string }) => s.command)).toEqual(['edit_draft', 'check', 'resubmit', 'withdraw']);
      // The case waits on the applicant, by the answer date of the request (issue 11).
      expect(mine.waitingFor).toEqual([
        { party: 'applicant', role: 'applicant', subCaseIds: mine.subCases.map((s: { id: string }) => s.id), since: expect.any(String), deadline: created.body.answerDueAt, deadlineKind: 'supplement' },
      ]);
      expect(mine.supplementRequests).toEqual([expect.objectContaining({ id: created.body.id, answerDueAt: created.body.answerDueAt })]);
      expect(mine.clock).toMatchObject({ paused: true, pausedPeriods: [{ to: null, days: 0 }] });

      const open = await request(t.server).get(`/v1/cases/${caseId}/supplement-requests`).query({ state: 'open' }).set(bearer(researcher)).expect(200);
      expect(open.body.items).toHaveLength(1);
      expect(open.body.items[0].questions).toEqual(['Which ethics approval covers the linkage?', 'Shorten the retention period.']);
      await request(t.server).get(`/v1/cases/${caseId}/supplement-requests`).set(bearer(otherResearcher)).expect(404);

      const [notice] = await notices(researcher, { kind: 'supplement_requested', case: number });
      expect(notice.body.en).toContain('Which ethics approval covers the linkage?');
      expect(await notices(otherResearcher, { kind: 'supplement_requested' })).toEqual([]);
    });

    it('counts the days the case waits for the applicant', async () => {
      // The request was sent on 21 February; ten days later it is 2 March (2028 is a leap year).
      t.clock.set(new Date('2028-03-02T09:00:00Z'));
      expect((await getCase(caseId)).clock).toMatchObject({ paused: true, pausedPeriods: [{ to: null, days: 10 }] });
    });

    it('refuses an incomplete resubmission (422) and one that adds a data source', async () => {
      const app = (await request(t.server).get(`/v1/applications/${applicationId}`).set(bearer(researcher)).expect(200)).body;
      await request(t.server).patch(`/v1/applications/${applicationId}`).set(bearer(researcher)).set('If-Match', `"${app.version}"`).send({ purpose: null }).expect(200);
      const incomplete = await request(t.server).post(`/v1/applications/${applicationId}/resubmit`).set(bearer(researcher)).send({}).expect(422);
      expect(incomplete.body.errors.map((e: { field: string }) => e.field)).toContain('purpose');
      await request(t.server).post(`/v1/applications/${applicationId}/resubmit`).set(bearer(otherResearcher)).send({}).expect(404);

      // Each data source is a sub-case with its track fixed at submission: a supplement cannot add one.
      await request(t.server)
        .patch(`/v1/applications/${applicationId}`)
        .set(bearer(researcher))
        .send({ purpose: 'To study mortality after stroke.', dataRequests: [dataRequest('lpr'), dataRequest('epj-region-midtjylland')] })
        .expect(200);
      const widened = await request(t.server).post(`/v1/applications/${applicationId}/resubmit`).set(bearer(researcher)).send({}).expect(422);
      expect(widened.body).toMatchObject({ type: expect.stringMatching(/data-requests-changed$/), errors: [{ field: 'dataRequests' }] });
      await request(t.server).patch(`/v1/applications/${applicationId}`).set(bearer(researcher)).send({ dataRequests: [dataRequest('lpr')] }).expect(200);
      expect((await getCase(caseId)).state).toBe('awaiting_applicant');
    });

    it('takes the amended application, resumes the clock with the due date moved by the paused days, and re-screens', async () => {
      const app = (await request(t.server).get(`/v1/applications/${applicationId}`).set(bearer(researcher)).expect(200)).body;
      const amended = await request(t.server)
        .patch(`/v1/applications/${applicationId}`)
        .set(bearer(researcher))
        .set('If-Match', `"${app.version}"`)
        .send({ purpose: 'To study mortality after stroke; linkage covered by VEK 1-10-72-123-25.', retentionUntil: '2029-01-31' })
        .expect(200);
      await request(t.server).post(`/v1/applications/${applicationId}/resubmit`).set(bearer(researcher)).set('If-Match', `"${amended.body.version - 1}"`).send({}).expect(412);
      const resubmitted = await request(t.server)
        .post(`/v1/applications/${applicationId}/resubmit`)
        .set(bearer(researcher))
        .set('If-Match', `"${amended.body.version}"`)
        .send({ answer: 'VEK approval added; retention shortened.' })
        .expect(202);
      expect(['screening', 'in_review']).toContain(resubmitted.body.state);

      const screened = await waitFor(async () => {
        const c = await getCase(caseId);
        return c.state === 'in_review' && c.subCases[0].screening.reason === 'resubmitted' ? c : undefined;
      }, 20000, 're-screening');
      expect(screened.clock).toMatchObject({ paused: false, pausedPeriods: [{ days: 10 }] });
      expect(screened.clock.pausedPeriods[0].to).not.toBeNull();
      // 3 months from 1 February 2028 plus the 10 paused days: Thursday 11 May 2028, a working day.
      expect(screened.clock.dueDate).toBe('2028-05-11');
      expect(screened.clock.dueDate > dueBefore).toBe(true);

      // The old screening is kept beside the new one; the case holds the amended application.
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM screening WHERE case_id = $1`, [caseId]);
      expect(n).toBe(2);
      const [{ content }] = await db.query(`SELECT content FROM case_file WHERE id = $1`, [caseId]);
      expect(content.retentionUntil).toBe('2029-01-31');

      const answered = await request(t.server).get(`/v1/cases/${caseId}/supplement-requests`).set(bearer(caseworker)).expect(200);
      expect(answered.body.items[0]).toMatchObject({ state: 'answered', answer: 'VEK approval added; retention shortened.', applicationVersion: amended.body.version });
      expect(await notices(caseworker, { kind: 'supplement_answered', case: number })).toHaveLength(1);
      const [{ actions }] = await db.query(`SELECT array_agg(action ORDER BY seq) AS actions FROM audit_event WHERE subject_id = $1`, [number]);
      expect(actions).toEqual(expect.arrayContaining(['case.supplement_requested', 'application.resubmitted']));
    });
  });

  describe('extension of the decision limit (EHDS art. 68(4))', () => {
    let caseId: string;
    let number: string;

    beforeAll(async () => {
      const submitted = await submitAndScreen(t, researcher, completeApplication());
      caseId = submitted.case.id;
      number = submitted.case.number;
    });

    it('refuses an extension without a reason, naming the field (422)', async () => {
      const refused = await request(t.server).post(`/v1/cases/${caseId}/clock/extensions`).set(bearer(caseworker)).send({ months: 1 }).expect(422);
      expect(refused.body).toMatchObject({ code: 'reason_required', errors: [{ field: 'reason' }] });
      await request(t.server).post(`/v1/cases/${caseId}/clock/extensions`).set(bearer(caseworker)).send({ months: 1, reason: '   ' }).expect(422);
    });

    it('extends with a reason: the due date moves and the extension is listed; the applicant is told', async () => {
      const before = await getCase(caseId);
      const extended = await request(t.server)
        .post(`/v1/cases/${caseId}/clock/extensions`)
        .set(bearer(caseworker))
        .set('If-Match', `"${before.version}"`)
        .send({ months: 2, reason: 'Three regions must be consulted on the linkage.' })
        .expect(201);
      expect(extended.headers.etag).toBe(`"${before.version + 1}"`);
      expect(new Date(extended.body.clock.dueAt).getTime()).toBeGreaterThan(new Date(before.clock.dueAt).getTime() + 55 * DAY);
      const after = await getCase(caseId);
      expect(after.clock).toMatchObject({ extendedBy: 2, extensions: [{ months: 2, reason: 'Three regions must be consulted on the linkage.' }] });
      const [notice] = await notices(researcher, { kind: 'clock_extended', case: number });
      expect(notice.body.en).toContain('Three regions must be consulted on the linkage.');
    });

    it('refuses an extension beyond the 3-month cap (422), but a legal approver may use what is left', async () => {
      const over = await request(t.server).post(`/v1/cases/${caseId}/clock/extensions`).set(bearer(caseworker)).send({ months: 2, reason: 'More time.' }).expect(422);
      expect(over.body).toMatchObject({ code: 'cap_exceeded', errors: [{ field: 'months' }] });
      await request(t.server).post(`/v1/cases/${caseId}/clock/extensions`).set(bearer(researcher)).send({ months: 1, reason: 'x' }).expect(403);
      await request(t.server).post(`/v1/cases/${caseId}/clock/extensions`).set(bearer(approver)).send({ months: 1, reason: 'Awaiting the controller’s data processing agreement.' }).expect(201);
      expect((await getCase(caseId)).clock.extendedBy).toBe(3);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM audit_event WHERE subject_id = $1 AND action = 'case.clock_extended'`, [number]);
      expect(n).toBe(2);
    });
  });

  it('stores the due date of a clock paused in January 2029 past Easter 2029', async () => {
    // Complete on Tuesday 19 December 2028; 3 months on is Monday 19 March 2029.
    t.clock.set(new Date('2028-12-19T09:00:00Z'));
    const { applicationId, case: c } = await submitAndScreen(t, researcher, completeApplication());
    // A supplement asked on Monday 8 January 2029 and answered on Thursday 18 January: 10 days paused.
    t.clock.set(new Date('2029-01-08T09:00:00Z'));
    await request(t.server).post(`/v1/cases/${c.id}/supplement-requests`).set(bearer(caseworker)).send({ questions: ['Which ethics approval covers the linkage?'] }).expect(201);
    t.clock.set(new Date('2029-01-18T09:00:00Z'));
    await request(t.server).post(`/v1/applications/${applicationId}/resubmit`).set(bearer(researcher)).send({ answers: ['VEK 1-10-72-123-25.'] }).expect(202);
    await waitFor(async () => {
      const now = await getCase(c.id);
      return now.state === 'in_review' && now.subCases[0].screening.reason === 'resubmitted' ? now : undefined;
    }, 20000, 're-screening');

    t.clock.set(new Date('2029-02-01T11:00:00Z'));
    // 19 March + 10 paused days = 29 March, Maundy Thursday; Good Friday, the weekend and Easter Monday follow.
    expect((await getCase(c.id)).clock).toMatchObject({ dueDate: '2029-04-03', paused: false, pausedPeriods: [{ days: 10 }] });
    // The end of that day in Copenhagen (summer time from 25 March).
    const [row] = await db.query(`SELECT due_at, clock_paused FROM case_file WHERE id = $1`, [c.id]);
    expect(new Date(row.due_at).toISOString()).toBe('2029-04-03T21:59:59.999Z');
    expect(row.clock_paused).toBe(false);
  });
});
