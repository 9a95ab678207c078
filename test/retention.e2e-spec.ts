import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, submitAndScreen } from './support/applications';
import { pdf } from './support/office-files';
import { startTestSmtpServer, TestSmtpServer } from './support/smtp';
import { waitFor } from './support/wait';

/**
 * Retention (GDPR art. 5(1)(e); arkivloven): a closed case's data are kept for RETENTION_YEARS after
 * it closed, then handed over for archiving and deleted by the scheduled retention job — reached
 * here only through business time and the schedules (`/v1/dev/clock`, `/v1/dev/sweeps`). The audit
 * trail and the public registers are kept, and the audit chain still verifies with the rows gone.
 * Every piece of personal data put into the refused case (through the API) is looked for afterwards
 * through the API and, for what has no route, by a read-only scan of every table but the audit trail.
 */
describe('retention (e2e)', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  const tokens: Record<string, string> = {};
  const archiveDir = mkdtempSync(join(tmpdir(), 'kp-archive-'));
  const post = (path: string, who: string, body: object = {}) => request(t.server).post(path).set(bearer(tokens[who])).send(body);
  const get = (path: string, who: string) => request(t.server).get(path).set(bearer(tokens[who]));
  const moveTo = (iso: string) => post('/v1/dev/clock', 'admin', { to: iso }).expect(200);
  const sweep = () => post('/v1/dev/sweeps', 'admin').expect(200);
  const NOTE = 'The applicant phoned: Mette Jensen will send the revised protocol.';
  // The refused case's people and texts, each found nowhere but in the audit trail after erasure.
  const REFUSED_APPLICANT = { name: 'Birgitte Nørgaard', email: 'birgitte.noergaard@au.dk', organisation: { name: 'Aarhus Universitet', cvr: '31119103', country: 'DK', sector: 'public_research' } };
  const PERSONAL = {
    applicant: 'Birgitte Nørgaard',
    applicantEmail: 'birgitte.noergaard@au.dk',
    teamMember: 'Anna Berg',
    teamEmail: 'anna.berg@sdu.dk',
    attachment: 'protokol-noergaard.pdf',
    shareMessage: 'Can Søren Vestergaard check the population?',
    advisorComment: 'Søren Vestergaard confirms the population is definable.',
    hearingAnswer: 'We disagree: every variable is needed.',
    appealFrom: 'Birgitte Nørgaard (the applicant), Aarhus',
    appealGrounds: 'Birgitte Nørgaard explains why every variable is needed.',
    legalMatter: 'Settle the controller roles with Dr. Henrik Lund',
    draftReturn: 'Rewrite: Henrik Lund’s opinion is not reflected.',
  };
  let withdrawn: Record<string, any>;
  let refused: Record<string, any>;
  let open: Record<string, any>;
  let permitted: Record<string, any>;
  let refusal: Record<string, any>;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    t = await startTestApp('retention', { env: { LOG_LEVEL: 'error', RETENTION_YEARS: '1', ARCHIVE_EXPORT_DIR: archiveDir, SMTP_URL: smtp.url, SMTP_FROM: 'Ét kontaktpunkt <kontakt@kontaktpunkt.test>' } });
    const people = {
      researcher: { sub: 'r-1', role: 'researcher', organisation: '31119103' },
      // The refused case's applicant, whose notices are also e-mailed to her (a record of each mail is kept until erasure).
      refusedApplicant: { sub: 'r-2', role: 'researcher', organisation: '31119103', name: REFUSED_APPLICANT.name, email: REFUSED_APPLICANT.email },
      caseworker: { sub: 'cw-1', role: 'caseworker', organisation: '33257872' },
      approver: { sub: 'la-1', role: 'legal_approver', organisation: '33257872' },
      auditor: { sub: 'aud-1', role: 'auditor' },
      admin: { sub: 'adm-1', role: 'admin' },
      advisor: { sub: 'adv-1', role: 'advisor', region: 'region-midtjylland' },
    } as const;
    for (const [name, actor] of Object.entries(people)) tokens[name] = await t.token(actor);
    await moveTo('2026-12-01T08:00:00Z');

    // Withdrawn with a note on the case, on 1 December 2026.
    withdrawn = await submitAndScreen(t, tokens.researcher, completeApplication({ title: 'Stroke rehabilitation registry study' }));
    await post(`/v1/cases/${withdrawn.case.id}/notes`, 'caseworker', { text: NOTE, visibility: 'internal' }).expect(201);
    await post(`/v1/applications/${withdrawn.applicationId}/withdraw`, 'researcher', { reason: 'Funding ended.' }).expect(200);

    // Refused after a hearing and the applicant's answer, on 1 December 2026: no permit. Its draft had
    // an attachment, a co-applicant and a region's pre-screening comment; the case a legal matter, a
    // returned draft and, after the refusal, an appeal.
    const refusedContent = completeApplication({
      title: 'Readmission after stroke',
      applicant: REFUSED_APPLICANT,
      researchers: [{ name: REFUSED_APPLICANT.name, email: REFUSED_APPLICANT.email, organisation: 'Aarhus Universitet', countryOfAccess: 'DK' }],
    });
    const refusedDraft = (await post('/v1/applications', 'refusedApplicant', refusedContent).expect(201)).body;
    await request(t.server).post(`/v1/applications/${refusedDraft.id}/attachments`).set(bearer(tokens.refusedApplicant)).field('kind', 'protocol').attach('file', pdf(), PERSONAL.attachment).expect(201);
    await post(`/v1/applications/${refusedDraft.id}/team`, 'refusedApplicant', { email: PERSONAL.teamEmail, name: PERSONAL.teamMember, teamRole: 'co_applicant' }).expect(201);
    await post(`/v1/applications/${refusedDraft.id}/pre-screening/shares`, 'refusedApplicant', { region: 'region-midtjylland', message: PERSONAL.shareMessage }).expect(201);
    await post(`/v1/applications/${refusedDraft.id}/pre-screening/comments`, 'advisor', { text: PERSONAL.advisorComment }).expect(201);
    const submitted = (await post(`/v1/applications/${refusedDraft.id}/submit`, 'refusedApplicant').expect(202)).body;
    refused = {
      applicationId: refusedDraft.id,
      case: await waitFor(async () => {
        const c = (await get(`/v1/cases/${submitted.id}`, 'refusedApplicant').expect(200)).body;
        return c.state === 'in_review' ? c : undefined;
      }, 20000, 'screening of the refused case'),
    };
    await post(`/v1/cases/${refused.case.id}/claim`, 'caseworker').expect(200);
    await post(`/v1/cases/${refused.case.id}/legal-matters`, 'caseworker', {
      subCaseId: refused.case.subCases[0].id,
      kind: 'controller_roles',
      description: { da: PERSONAL.legalMatter, en: PERSONAL.legalMatter },
      legalReference: 'GDPR art. 26',
      blocking: false,
    }).expect(201);
    const returned = (
      await post(`/v1/cases/${refused.case.id}/sub-cases/${refused.case.subCases[0].id}/decision-drafts`, 'caseworker', {
        outcome: 'approved',
        legalBasis: 'EHDS art. 68',
        reasoning: 'A first draft.',
        conditions: [],
      }).expect(201)
    ).body;
    await post(`/v1/decision-drafts/${returned.id}/return`, 'approver', { reason: PERSONAL.draftReturn }).expect(204);
    await post(`/v1/cases/${refused.case.id}/consultations`, 'caseworker', {
      advisorRegion: 'region-syddanmark',
      question: 'Is the population definition feasible in your records?',
      deadline: new Date(Date.parse('2026-12-01T08:00:00Z') + 10 * 24 * 3600 * 1000).toISOString(),
    }).expect(201);
    const hearing = (await post(`/v1/cases/${refused.case.id}/sub-cases/${refused.case.subCases[0].id}/hearings`, 'caseworker', { draftGrounds: 'The variables exceed the purpose.' }).expect(201)).body;
    await post(`/v1/hearings/${hearing.id}/answer`, 'refusedApplicant', { answer: PERSONAL.hearingAnswer }).expect(200);
    const draft = (
      await post(`/v1/cases/${refused.case.id}/sub-cases/${refused.case.subCases[0].id}/decision-drafts`, 'caseworker', {
        outcome: 'rejected',
        legalBasis: 'EHDS art. 68(1)',
        reasoning: 'The variables requested exceed what the purpose needs (data minimisation).',
        conditions: [],
        departureReason: 'The screening did not weigh data minimisation.',
      }).expect(201)
    ).body;
    refusal = (await post(`/v1/decision-drafts/${draft.id}/issue`, 'approver').expect(201)).body.decision;
    const appeal = (await post(`/v1/cases/${refused.case.id}/appeals`, 'caseworker', { decisionId: refusal.id, receivedOn: '2026-12-01', from: PERSONAL.appealFrom, grounds: PERSONAL.appealGrounds }).expect(201)).body;
    await post(`/v1/appeals/${appeal.id}/forward`, 'approver', { statement: 'The authority maintains its decision.' }).expect(200);

    // Still open; and approved with a permit that runs to the end of 2028.
    open = await submitAndScreen(t, tokens.researcher, completeApplication({ title: 'Open case' }));
    permitted = await submitAndScreen(t, tokens.researcher, completeApplication({ title: 'Permitted case' }));
    await post(`/v1/cases/${permitted.case.id}/claim`, 'caseworker').expect(200);
    const approval = (
      await post(`/v1/cases/${permitted.case.id}/sub-cases/${permitted.case.subCases[0].id}/decision-drafts`, 'caseworker', {
        outcome: 'approved',
        legalBasis: 'EHDS art. 68',
        reasoning: 'Scientific research of significant societal importance; the data are necessary.',
        conditions: [],
      }).expect(201)
    ).body;
    await post(`/v1/decision-drafts/${approval.id}/issue`, 'approver').expect(201);
  }, 180000);
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  /**
   * Every table whose rows hold `text`: read only, as the owner. Not searched: the audit trail (kept on
   * purpose) and the directory of people who sign in (`staff_member`: the person as a user of the
   * service, with the e-mail address notices go to, not the case).
   */
  async function tablesHolding(text: string): Promise<string[]> {
    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      const tables: { name: string }[] = (
        await db.query(`SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
                          WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
                            AND table_name NOT IN ('audit_event', 'audit_checkpoint', 'staff_member')`)
      ).rows;
      const holding: string[] = [];
      for (const { name } of tables) {
        const { rows } = await db.query(`SELECT 1 FROM ${name} t WHERE strpos(t::text, $1) > 0 LIMIT 1`, [text]);
        if (rows.length > 0) holding.push(name);
      }
      return holding;
    } finally {
      await db.end();
    }
  }

  it('keeps a closed case’s data through the anniversary day of its closing', async () => {
    await moveTo('2027-12-01T20:00:00Z');
    await sweep();
    // Written on 1 December 2026 in business time, as the retention period counts it.
    expect((await get(`/v1/cases/${withdrawn.case.id}/notes`, 'caseworker').expect(200)).body.items).toEqual([expect.objectContaining({ text: NOTE, createdAt: expect.stringMatching(/^2026-12-01T/) })]);
    await get(`/v1/cases/${refused.case.id}`, 'refusedApplicant').expect(200);
    expect(existsSync(join(archiveDir, `arkivpakke-${withdrawn.case.number}.json`))).toBe(false);
    // What the later erasure must remove is all there, through the API and in the tables.
    expect((await get(`/v1/me/notifications?case=${refused.case.number}`, 'refusedApplicant').expect(200)).body.items.length).toBeGreaterThan(0);
    expect(smtp.accepted(REFUSED_APPLICANT.email).length + smtp.accepted(PERSONAL.teamEmail).length).toBeGreaterThan(0);
    expect((await get(`/v1/cases/${refused.case.id}/attachments`, 'caseworker').expect(200)).body.items).toHaveLength(1);
    expect((await get(`/v1/cases/${refused.case.id}/decisions`, 'caseworker').expect(200)).body.reconsiderations).toHaveLength(1);
    for (const text of Object.values(PERSONAL)) expect(await tablesHolding(text)).not.toEqual([]);
  });

  it('hands an expired closed case over for archiving, then deletes its data and audits it', async () => {
    await moveTo('2027-12-02T08:00:00Z');
    await sweep();

    // Handed over first, whole: the application, the note, the hearing and its answer.
    const pkg = JSON.parse(readFileSync(join(archiveDir, `arkivpakke-${refused.case.number}.json`), 'utf8'));
    expect(pkg).toMatchObject({ caseNumber: refused.case.number, journalNumber: `KP-${refused.case.number}`, application: { content: { purpose: expect.any(String) } } });
    expect(pkg.hearings).toEqual([expect.objectContaining({ answer: PERSONAL.hearingAnswer })]);
    expect(pkg.reconsiderations).toEqual([expect.objectContaining({ kind: 'appeal', fromParty: PERSONAL.appealFrom, grounds: PERSONAL.appealGrounds })]);
    expect(pkg.legalMatters).toEqual([expect.objectContaining({ description: { da: PERSONAL.legalMatter, en: PERSONAL.legalMatter } })]);
    expect(pkg.decisionDrafts).toEqual(expect.arrayContaining([expect.objectContaining({ state: 'returned', returnReason: PERSONAL.draftReturn })]));
    expect(pkg.team).toEqual([expect.objectContaining({ email: PERSONAL.teamEmail, name: PERSONAL.teamMember })]);
    expect(pkg.attachments).toEqual([expect.objectContaining({ filename: PERSONAL.attachment, contentBase64: pdf().toString('base64') })]);
    expect(pkg.screenings[0].application).toMatchObject({ applicant: { email: PERSONAL.applicantEmail } });
    expect(pkg.consultations).toEqual([expect.objectContaining({ question: 'Is the population definition feasible in your records?' })]);
    expect(JSON.parse(readFileSync(join(archiveDir, `arkivpakke-${withdrawn.case.number}.json`), 'utf8')).notes).toEqual([expect.objectContaining({ text: NOTE })]);

    // Then deleted: the applicant no longer finds it; staff find the register's extract only, without notes or hearings.
    await get(`/v1/cases/${withdrawn.case.id}`, 'researcher').expect(404);
    await get(`/v1/applications/${withdrawn.applicationId}`, 'researcher').expect(404);
    expect((await get(`/v1/cases/${withdrawn.case.id}/notes`, 'caseworker').expect(200)).body.items).toEqual([]);
    const staffView = JSON.stringify((await get(`/v1/cases/${refused.case.id}`, 'caseworker').expect(200)).body);
    expect(staffView).toContain('Readmission after stroke');
    expect(staffView).not.toContain('mette.jensen@au.dk');
    expect(staffView).not.toContain('To study mortality and readmission');
    expect(staffView).not.toContain('population definition');
    for (const text of Object.values(PERSONAL)) expect(staffView).not.toContain(text);
    const decisions = (await get(`/v1/cases/${refused.case.id}/decisions`, 'caseworker').expect(200)).body;
    expect(decisions.hearings).toEqual([]);
    expect(decisions.reconsiderations).toEqual([]);
    expect((await get(`/v1/cases/${refused.case.id}/attachments`, 'caseworker').expect(200)).body.items).toEqual([]);
    expect((await get(`/v1/me/notifications?case=${refused.case.number}`, 'refusedApplicant').expect(200)).body.items).toEqual([]);
    expect((await get(`/v1/me/notifications?case=${withdrawn.case.number}`, 'researcher').expect(200)).body.items).toEqual([]);

    // Nothing personal of the refused case is left in any table but the audit trail (read only).
    for (const text of Object.values(PERSONAL)) expect({ text, tables: await tablesHolding(text) }).toEqual({ text, tables: [] });
    expect(await tablesHolding(NOTE)).toEqual([]);

    // The decision stays, but there is no application left to replay its screening on.
    expect((await get(`/v1/decisions/${refusal.id}/explanation`, 'caseworker').expect(409)).body.type).toContain('screening-erased');

    // Audited, with the archive's reference and what went.
    const events = (await get(`/v1/cases/${refused.case.id}/audit?limit=500`, 'auditor').expect(200)).body.items;
    expect(events.find((e: { action: string }) => e.action === 'case.retention_erased').payload.erased.emailDeliveries).toBeGreaterThan(0);
    // The trail, kept forever, carries the texts people wrote by their digests only; the invitation's
    // address stays on purpose (a grant of access to the case: docs/records-and-retention.md).
    const { teamEmail, ...notInTheTrail } = PERSONAL;
    for (const text of Object.values(notInTheTrail)) expect({ text, inTrail: JSON.stringify(events).includes(text) }).toEqual({ text, inTrail: false });
    expect(JSON.stringify(events)).toContain(teamEmail);
    expect(events.find((e: { action: string }) => e.action === 'case.retention_erased')).toMatchObject({
      payload: {
        retentionYears: 1,
        handedOver: true,
        archiveReference: expect.stringMatching(new RegExp(`^arkivpakke-${refused.case.number}\\.json sha256:[0-9a-f]{64}$`)),
        erased: { hearings: 1, consultations: 1, reconsiderations: 1, legalMatters: 1, decisionDrafts: 1, attachments: 1, team: 1, preScreening: 2, notifications: expect.any(Number), emailDeliveries: expect.any(Number) },
      },
    });
  });

  it('keeps the audit chain valid and the public registers whole', async () => {
    expect((await get('/v1/audit/verify', 'auditor').expect(200)).body).toMatchObject({ valid: true });
    const applications = (await request(t.server).get('/v1/public/applications?limit=100').expect(200)).body.items;
    expect(applications.find((a: { caseNumber: string }) => a.caseNumber === withdrawn.case.number)).toMatchObject({ title: 'Stroke rehabilitation registry study', applicantOrganisation: { name: 'Aarhus Universitet' } });
    const decisions = (await request(t.server).get('/v1/public/decisions?limit=100').expect(200)).body.items;
    expect(decisions.find((d: { decisionId: string }) => d.decisionId === refusal.id)).toMatchObject({ caseNumber: refused.case.number, title: 'Readmission after stroke', outcome: 'rejected' });
  });

  it('leaves an open case and a case whose permit still runs untouched', async () => {
    for (const kept of [open, permitted]) {
      await get(`/v1/cases/${kept.case.id}`, 'researcher').expect(200);
      expect(existsSync(join(archiveDir, `arkivpakke-${kept.case.number}.json`))).toBe(false);
    }
  });
});
