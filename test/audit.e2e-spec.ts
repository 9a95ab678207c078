import { Client } from 'pg';
import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, submitAndScreen } from './support/applications';
import { waitFor } from './support/wait';

describe('audit trail over HTTP: verify, signed checkpoints, case timelines (e2e)', () => {
  let t: TestApp;
  let db: Client;
  let auditor: string;
  let caseworker: string;
  let approver: string;
  let researcher: string;
  let otherResearcher: string;
  let admin: string;

  beforeAll(async () => {
    // A short interval, so the worker's scheduled checkpoint job runs during the test.
    t = await startTestApp('audit', { env: { AUDIT_CHECKPOINT_EVERY_MS: '300' } });
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    auditor = await t.token({ sub: 'auditor-1', role: 'auditor' });
    caseworker = await t.token({ sub: 'caseworker-1', role: 'caseworker', organisation: '33257872' });
    approver = await t.token({ sub: 'jurist-1', role: 'legal_approver', organisation: '33257872' });
    researcher = await t.token({ sub: 'researcher-1', role: 'researcher', organisation: '31119103' });
    otherResearcher = await t.token({ sub: 'researcher-2', role: 'researcher', organisation: '30060946' });
    admin = await t.token({ sub: 'admin-1', role: 'admin' });
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  describe('GET /v1/audit/verify', () => {
    it('answers a valid chain with its head and count to the auditor', async () => {
      await submitAndScreen(t, researcher, completeApplication());
      const res = await request(t.server).get('/v1/audit/verify').set(bearer(auditor)).expect(200);
      const { rows } = await db.query('SELECT max(seq)::int AS head FROM audit_event');
      expect(res.body).toMatchObject({ valid: true, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      // Events appended after the walk (e.g. by the worker) can only raise the head.
      expect(res.body.headSeq).toBeGreaterThanOrEqual(5);
      expect(res.body.headSeq).toBeLessThanOrEqual(rows[0].head);
      expect(res.body.count).toBe(res.body.headSeq);
    });

    it.each([
      ['caseworker', () => caseworker],
      ['legal_approver', () => approver],
      ['researcher', () => researcher],
      ['admin', () => admin],
    ])('refuses the %s with 403 problem+json', async (_role, token) => {
      const res = await request(t.server).get('/v1/audit/verify').set(bearer(token())).expect(403);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    });

    it('refuses a request without a token with 401', async () => {
      await request(t.server).get('/v1/audit/verify').expect(401);
    });
  });

  describe('scheduled checkpoints (worker)', () => {
    it('signs the head every AUDIT_CHECKPOINT_EVERY_MS, and verify holds the chain against those checkpoints', async () => {
      const row = await waitFor(async () => (await db.query('SELECT seq, key_id FROM audit_checkpoint ORDER BY seq DESC LIMIT 1')).rows[0], 20000, 'a checkpoint');
      expect(Number(row.seq)).toBeGreaterThan(0);
      const res = await request(t.server).get('/v1/audit/verify').set(bearer(auditor)).expect(200);
      expect(res.body.valid).toBe(true);
      expect(res.body.checkpoints).toEqual({ trustedKeyId: row.key_id, trusted: expect.any(Number), otherKeys: 0 });
      expect(res.body.checkpoints.trusted).toBeGreaterThanOrEqual(1);
      expect(res.body.checkpointsMatched).toBeGreaterThanOrEqual(1);
    });
  });

  describe('GET /v1/cases/:id/audit', () => {
    let caseId: string;
    let caseNumber: string;
    let applicationId: string;

    beforeAll(async () => {
      const submitted = await submitAndScreen(t, researcher, completeApplication({ title: 'Timeline case' }));
      caseId = submitted.case.id;
      caseNumber = submitted.case.number;
      applicationId = submitted.applicationId;
    });

    it('gives a caseworker every event of the case and of its application, with hashes, and audits that read', async () => {
      const res = await request(t.server).get(`/v1/cases/${caseId}/audit`).set(bearer(caseworker)).expect(200);
      expect(res.body).toMatchObject({ caseNumber, view: 'full', nextCursor: null });
      const actions = res.body.items.map((e: { action: string }) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['application.drafted', 'application.submitted', 'case.screened']));
      expect(actions.indexOf('application.drafted')).toBeLessThan(actions.indexOf('application.submitted'));
      const drafted = res.body.items.find((e: { action: string }) => e.action === 'application.drafted');
      expect(drafted.subject).toEqual({ type: 'application', id: applicationId });
      expect(drafted).toMatchObject({ actor: { sub: 'researcher-1', role: 'researcher' }, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });

      const audited = await db.query(`SELECT actor_sub, subject_id FROM audit_event WHERE action = 'case.audit_viewed' ORDER BY seq DESC LIMIT 1`);
      expect(audited.rows[0]).toEqual({ actor_sub: 'caseworker-1', subject_id: caseNumber });
    });

    it('gives the auditor everything, including who read the timeline', async () => {
      const res = await request(t.server).get(`/v1/cases/${caseNumber}/audit`).set(bearer(auditor)).expect(200);
      const viewed = res.body.items.filter((e: { action: string }) => e.action === 'case.audit_viewed');
      expect(viewed.map((e: { actor: { sub: string } }) => e.actor.sub)).toContain('caseworker-1');
    });

    it('gives the legal approver every event too', async () => {
      const res = await request(t.server).get(`/v1/cases/${caseId}/audit`).set(bearer(approver)).expect(200);
      expect(res.body.view).toBe('full');
      expect(res.body.items.map((e: { action: string }) => e.action)).toContain('case.screened');
    });

    it('pages the timeline oldest first with a cursor', async () => {
      const all = (await request(t.server).get(`/v1/cases/${caseId}/audit`).set(bearer(auditor)).expect(200)).body.items;
      const first = (await request(t.server).get(`/v1/cases/${caseId}/audit?limit=2`).set(bearer(auditor)).expect(200)).body;
      expect(first.items).toHaveLength(2);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = (await request(t.server).get(`/v1/cases/${caseId}/audit?limit=2&cursor=${first.nextCursor}`).set(bearer(auditor)).expect(200)).body;
      expect([...first.items, ...second.items].map((e: { seq: number }) => e.seq)).toEqual(all.slice(0, 4).map((e: { seq: number }) => e.seq));
      await request(t.server).get(`/v1/cases/${caseId}/audit?cursor=not-a-cursor`).set(bearer(auditor)).expect(400);
    });

    it('shows the applicant only the allow-listed steps, without staff identities or payloads, and does not log their read', async () => {
      await request(t.server).get(`/v1/cases/${caseId}`).set(bearer(caseworker)).expect(200); // a staff read: case.viewed
      const before = (await db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'case.audit_viewed'`)).rows[0].n;
      const res = await request(t.server).get(`/v1/cases/${caseId}/audit`).set(bearer(researcher)).expect(200);
      expect(res.body.view).toBe('applicant');
      const actions = res.body.items.map((e: { action: string }) => e.action);
      expect(actions).toEqual(['application.submitted', 'case.screened']);
      for (const entry of res.body.items) expect(Object.keys(entry).sort()).toEqual(['action', 'actorRole', 'at', 'seq', 'subject']);
      expect(res.body.items[1]).toMatchObject({ action: 'case.screened', actorRole: 'system', subject: { type: 'case', id: caseNumber } });
      const after = (await db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'case.audit_viewed'`)).rows[0].n;
      expect(after).toBe(before);

      await request(t.server).post(`/v1/applications/${applicationId}/withdraw`).set(bearer(researcher)).send({ reason: 'Funding ended' }).expect(200);
      const withdrawn = await request(t.server).get(`/v1/cases/${caseId}/audit`).set(bearer(researcher)).expect(200);
      expect(withdrawn.body.items.map((e: { action: string }) => e.action)).toEqual(['application.submitted', 'case.screened', 'application.withdrawn']);
    });

    it('answers 404 to another researcher, a controller and an advisor, as for a case that does not exist', async () => {
      const controller = await t.token({ sub: 'sds-controller', role: 'controller', organisation: '33257872' });
      const advisor = await t.token({ sub: 'rm-advisor', role: 'advisor', region: 'region-midtjylland' });
      for (const token of [otherResearcher, controller, advisor]) {
        const res = await request(t.server).get(`/v1/cases/${caseId}/audit`).set(bearer(token)).expect(404);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      }
      await request(t.server).get('/v1/cases/EK-2099-999999/audit').set(bearer(auditor)).expect(404);
    });

    it('refuses the admin role, which never reads cases, with 403', async () => {
      await request(t.server).get(`/v1/cases/${caseId}/audit`).set(bearer(admin)).expect(403);
    });
  });

  // Last: it breaks the chain for the rest of this app's life.
  describe('tampering', () => {
    it('names the seq whose payload a superuser altered directly in the table', async () => {
      const { rows } = await db.query(`SELECT seq, payload->>'caseId' AS case_id FROM audit_event WHERE action = 'application.submitted' ORDER BY seq LIMIT 1`);
      const seq = Number(rows[0].seq);
      const caseIdValue: string = rows[0].case_id;
      const flipped = caseIdValue.slice(0, -1) + (caseIdValue.endsWith('0') ? '1' : '0');
      await db.query('BEGIN');
      // The insert-only trigger refuses UPDATE even for a superuser unless triggers are bypassed.
      await db.query(`SET LOCAL session_replication_role = replica`);
      await db.query(`UPDATE audit_event SET payload = jsonb_set(payload, '{caseId}', to_jsonb($2::text)) WHERE seq = $1`, [seq, flipped]);
      await db.query('COMMIT');

      const res = await request(t.server).get('/v1/audit/verify').set(bearer(auditor)).expect(200);
      expect(res.body).toMatchObject({ valid: false, seq, reason: 'hash_mismatch', foundHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(res.body.expectedHash).not.toBe(res.body.foundHash);
    });
  });
});
