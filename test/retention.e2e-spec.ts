import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, submitAndScreen } from './support/applications';

/**
 * Retention (GDPR art. 5(1)(e); arkivloven): a closed case's data are kept for RETENTION_YEARS after
 * it closed, then handed over for archiving and deleted by the scheduled retention job — reached
 * here only through business time and the schedules (`/v1/dev/clock`, `/v1/dev/sweeps`). The audit
 * trail and the public registers are kept, and the audit chain still verifies with the rows gone.
 */
describe('retention (e2e)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const archiveDir = mkdtempSync(join(tmpdir(), 'kp-archive-'));
  const post = (path: string, who: string, body: object = {}) => request(t.server).post(path).set(bearer(tokens[who])).send(body);
  const get = (path: string, who: string) => request(t.server).get(path).set(bearer(tokens[who]));
  const moveTo = (iso: string) => post('/v1/dev/clock', 'admin', { to: iso }).expect(200);
  const sweep = () => post('/v1/dev/sweeps', 'admin').expect(200);
  const NOTE = 'The applicant phoned: Mette Jensen will send the revised protocol.';
  let withdrawn: Record<string, any>;
  let refused: Record<string, any>;
  let open: Record<string, any>;
  let permitted: Record<string, any>;
  let refusal: Record<string, any>;

  beforeAll(async () => {
    t = await startTestApp('retention', { env: { LOG_LEVEL: 'error', RETENTION_YEARS: '1', ARCHIVE_EXPORT_DIR: archiveDir } });
    const people = {
      researcher: { sub: 'r-1', role: 'researcher', organisation: '31119103' },
      caseworker: { sub: 'cw-1', role: 'caseworker', organisation: '33257872' },
      approver: { sub: 'la-1', role: 'legal_approver', organisation: '33257872' },
      auditor: { sub: 'aud-1', role: 'auditor' },
      admin: { sub: 'adm-1', role: 'admin' },
    } as const;
    for (const [name, actor] of Object.entries(people)) tokens[name] = await t.token(actor);
    await moveTo('2026-12-01T08:00:00Z');

    // Withdrawn with a note on the case, on 1 December 2026.
    withdrawn = await submitAndScreen(t, tokens.researcher, completeApplication({ title: 'Stroke rehabilitation registry study' }));
    await post(`/v1/cases/${withdrawn.case.id}/notes`, 'caseworker', { text: NOTE, visibility: 'internal' }).expect(201);
    await post(`/v1/applications/${withdrawn.applicationId}/withdraw`, 'researcher', { reason: 'Funding ended.' }).expect(200);

    // Refused after a hearing and the applicant's answer, on 1 December 2026: no permit.
    refused = await submitAndScreen(t, tokens.researcher, completeApplication({ title: 'Readmission after stroke' }));
    await post(`/v1/cases/${refused.case.id}/claim`, 'caseworker').expect(200);
    await post(`/v1/cases/${refused.case.id}/consultations`, 'caseworker', {
      advisorRegion: 'region-syddanmark',
      question: 'Is the population definition feasible in your records?',
      deadline: new Date(Date.parse('2026-12-01T08:00:00Z') + 10 * 24 * 3600 * 1000).toISOString(),
    }).expect(201);
    const hearing = (await post(`/v1/cases/${refused.case.id}/sub-cases/${refused.case.subCases[0].id}/hearings`, 'caseworker', { draftGrounds: 'The variables exceed the purpose.' }).expect(201)).body;
    await post(`/v1/hearings/${hearing.id}/answer`, 'researcher', { answer: 'We disagree: every variable is needed.' }).expect(200);
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
  afterAll(() => t.close());

  it('keeps a closed case’s data through the anniversary day of its closing', async () => {
    await moveTo('2027-12-01T20:00:00Z');
    await sweep();
    expect((await get(`/v1/cases/${withdrawn.case.id}/notes`, 'caseworker').expect(200)).body.items).toEqual([expect.objectContaining({ text: NOTE })]);
    await get(`/v1/cases/${refused.case.id}`, 'researcher').expect(200);
    expect(existsSync(join(archiveDir, `arkivpakke-${withdrawn.case.number}.json`))).toBe(false);
  });

  it('hands an expired closed case over for archiving, then deletes its data and audits it', async () => {
    await moveTo('2027-12-02T08:00:00Z');
    await sweep();

    // Handed over first, whole: the application, the note, the hearing and its answer.
    const pkg = JSON.parse(readFileSync(join(archiveDir, `arkivpakke-${refused.case.number}.json`), 'utf8'));
    expect(pkg).toMatchObject({ caseNumber: refused.case.number, journalNumber: `KP-${refused.case.number}`, application: { content: { purpose: expect.any(String) } } });
    expect(pkg.hearings).toEqual([expect.objectContaining({ answer: 'We disagree: every variable is needed.' })]);
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
    const decisions = (await get(`/v1/cases/${refused.case.id}/decisions`, 'caseworker').expect(200)).body;
    expect(decisions.hearings).toEqual([]);

    // Audited, with the archive's reference.
    const events = (await get(`/v1/cases/${refused.case.id}/audit?limit=500`, 'auditor').expect(200)).body.items;
    expect(events.find((e: { action: string }) => e.action === 'case.retention_erased')).toMatchObject({
      payload: { retentionYears: 1, handedOver: true, archiveReference: expect.stringMatching(new RegExp(`^arkivpakke-${refused.case.number}\\.json sha256:[0-9a-f]{64}$`)), erased: { hearings: 1, consultations: 1 } },
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
