import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, submitAndScreen } from './support/applications';
import { pdf } from './support/office-files';
import { waitFor } from './support/wait';

/**
 * The journal (journaliseringspligt, offentlighedsloven § 15): a case gets a journal number, and
 * each document received or sent in it — the application, a hearing and its answer
 * (forvaltningsloven § 19), each decision with its letter, the permit — a journal entry with date,
 * direction and a short description, handed to the records system as an FESD-style export.
 */
describe('journal (e2e)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const post = (path: string, who: string, body: object = {}) => request(t.server).post(path).set(bearer(tokens[who])).send(body);
  const get = (path: string, who: string) => request(t.server).get(path).set(bearer(tokens[who]));
  const journalOf = (caseId: string, documents: number) =>
    waitFor(async () => {
      const body = (await get(`/v1/cases/${caseId}/journal`, 'caseworker').expect(200)).body;
      return body.documents.length >= documents ? body : undefined;
    }, 20000, `${documents} journalised documents`);
  const exported = (name: string) => JSON.parse(readFileSync(join(t.dataDir, 'journal', name), 'utf8'));

  beforeAll(async () => {
    t = await startTestApp('journal', { env: { LOG_LEVEL: 'error' } });
    t.clock.set(new Date('2026-09-01T08:00:00Z'));
    const people = {
      researcher: { sub: 'r-1', role: 'researcher', organisation: '31119103' },
      caseworker: { sub: 'cw-1', role: 'caseworker', organisation: '33257872' },
      approver: { sub: 'la-1', role: 'legal_approver', organisation: '33257872' },
      auditor: { sub: 'aud-1', role: 'auditor' },
    } as const;
    for (const [name, actor] of Object.entries(people)) tokens[name] = await t.token(actor);
  }, 120000);
  afterAll(() => t.close());

  it('gives a submitted case a journal number and journalises the application as received', async () => {
    const { case: c } = await submitAndScreen(t, tokens.researcher, completeApplication());
    const journal = await journalOf(c.id, 1);
    expect(journal).toMatchObject({ caseNumber: c.number, journalNumber: `KP-${c.number}` });
    // The journal number is on the case, for whoever may see the case.
    expect((await get(`/v1/cases/${c.id}`, 'researcher').expect(200)).body.journalNumber).toBe(`KP-${c.number}`);
    expect(journal.documents).toEqual([
      expect.objectContaining({ documentNumber: `KP-${c.number}-001`, kind: 'application', direction: 'incoming', title: 'Ansøgning: Long-term outcomes after stroke', documentDate: c.submittedAt }),
    ]);
    expect(exported(`sag-KP-${c.number}.json`).Sag).toMatchObject({ Journalnummer: `KP-${c.number}`, Sagsnummer: c.number, Sagsdato: c.submittedAt });
    expect(exported(`dokument-KP-${c.number}-001.json`).Dokument).toMatchObject({ Dokumenttype: 'Ansøgning', Retning: 'Indgående', Loebenummer: 1 });
  });

  it('journalises the decision (its letter) and the permit as sent when a decision is issued', async () => {
    const { case: c } = await submitAndScreen(t, tokens.researcher, completeApplication());
    await post(`/v1/cases/${c.id}/claim`, 'caseworker').expect(200);
    const draft = (
      await post(`/v1/cases/${c.id}/sub-cases/${c.subCases[0].id}/decision-drafts`, 'caseworker', {
        outcome: 'approved',
        legalBasis: 'EHDS art. 68; databeskyttelsesloven § 10',
        reasoning: 'Scientific research of significant societal importance; the data are necessary.',
        conditions: [],
      }).expect(201)
    ).body;
    const { decision, permit } = (await post(`/v1/decision-drafts/${draft.id}/issue`, 'approver').expect(201)).body;
    const journal = await journalOf(c.id, 3);
    expect(journal.documents.map((d: Record<string, string>) => [d.documentNumber, d.kind, d.documentId, d.direction])).toEqual([
      [`KP-${c.number}-001`, 'application', expect.any(String), 'incoming'],
      [`KP-${c.number}-002`, 'decision', decision.id, 'outgoing'],
      [`KP-${c.number}-003`, 'permit', permit.id, 'outgoing'],
    ]);
    expect(journal.documents[1].title).toBe('Afgørelse (godkendt): Landspatientregisteret');
    expect(exported(`dokument-KP-${c.number}-003.json`).Dokument).toMatchObject({ Dokumenttype: 'Tilladelse', Titel: `Tilladelse ${permit.number}`, KildeId: permit.id });
    // Read again (the auditor): the same entries, none doubled by the later jobs of the case.
    const again = (await get(`/v1/cases/${c.id}/journal`, 'auditor').expect(200)).body;
    expect(again.documents).toHaveLength(3);
  });

  it('journalises a hearing as sent and the applicant’s answer as received (forvaltningsloven § 19)', async () => {
    const { case: c } = await submitAndScreen(t, tokens.researcher, completeApplication());
    await post(`/v1/cases/${c.id}/claim`, 'caseworker').expect(200);
    const hearing = (await post(`/v1/cases/${c.id}/sub-cases/${c.subCases[0].id}/hearings`, 'caseworker', { draftGrounds: 'We consider refusing: the variables exceed the purpose.' }).expect(201)).body;
    await post(`/v1/hearings/${hearing.id}/answer`, 'researcher', { answer: 'We narrow the request.' }).expect(200);
    const journal = await journalOf(c.id, 3);
    expect(journal.documents.map((d: Record<string, string>) => [d.kind, d.documentId, d.direction])).toEqual([
      ['application', expect.any(String), 'incoming'],
      ['hearing', hearing.id, 'outgoing'],
      ['hearing_answer', hearing.id, 'incoming'],
    ]);
  });

  it('journalises a request for supplement as sent and the applicant’s answer by resubmission as received', async () => {
    const { applicationId, case: c } = await submitAndScreen(t, tokens.researcher, completeApplication());
    const requested = (await post(`/v1/cases/${c.id}/supplement-requests`, 'caseworker', { questions: ['Which committee approved the project?'] }).expect(201)).body;
    await post(`/v1/applications/${applicationId}/resubmit`, 'researcher', { answers: ['VEK, 1-10-72-123-25'] }).expect(202);
    const journal = await journalOf(c.id, 3);
    expect(journal.documents.map((d: Record<string, string>) => [d.kind, d.direction])).toEqual([
      ['application', 'incoming'],
      ['supplement_request', 'outgoing'],
      ['supplement_answer', 'incoming'],
    ]);
    expect(journal.documents[1].documentId).toBe(requested.id);
  });

  it('journalises attached documents: the applicant’s as received (from the draft, with the application), staff’s legal opinion as internal, a hearing answer that came by post as received', async () => {
    const upload = (path: string, who: string, filename: string, kind: string) =>
      request(t.server).post(path).set(bearer(tokens[who])).field('kind', kind).attach('file', pdf(), { filename, contentType: 'application/pdf' }).expect(201);
    const draft = (await request(t.server).post('/v1/applications').set(bearer(tokens.researcher)).send(completeApplication()).expect(201)).body;
    const protocol = (await upload(`/v1/applications/${draft.id}/attachments`, 'researcher', 'Protokol Mette Jensen.pdf', 'protocol')).body;
    // Nothing is journalised before the application is received.
    t.clock.set(new Date('2026-09-02T08:00:00Z'));
    const submitted = (await request(t.server).post(`/v1/applications/${draft.id}/submit`).set(bearer(tokens.researcher)).expect(202)).body;
    await journalOf(submitted.id, 2);
    t.clock.set(new Date('2026-09-03T08:00:00Z'));
    await post(`/v1/cases/${submitted.id}/claim`, 'caseworker').expect(200);
    const opinion = (await upload(`/v1/cases/${submitted.id}/attachments`, 'caseworker', 'notat.pdf', 'legal_opinion')).body;
    const byPost = (await upload(`/v1/cases/${submitted.id}/attachments`, 'caseworker', 'svar.pdf', 'hearing_answer')).body;
    const contract = (await upload(`/v1/cases/${submitted.id}/attachments`, 'researcher', 'aftale.pdf', 'contract')).body;
    const journal = await journalOf(submitted.id, 5);
    expect(journal.documents.map((d: Record<string, string>) => [d.kind, d.documentId, d.direction, d.title])).toEqual([
      ['application', draft.id, 'incoming', expect.any(String)],
      ['attachment', protocol.id, 'incoming', 'Bilag: Protokol'],
      ['attachment', opinion.id, 'internal', 'Bilag: Juridisk notat'],
      ['attachment', byPost.id, 'incoming', 'Bilag: Høringssvar'],
      ['attachment', contract.id, 'incoming', 'Bilag: Kontrakt'],
    ]);
    // Attached to the draft the day before, the protocol was received with the application.
    expect(journal.documents[1].documentDate).toBe(journal.documents[0].documentDate);
    expect(journal.documents[2].documentDate).toMatch(/^2026-09-03T08:00/);
    // The journal, which outlives the case's data, does not carry the file's name.
    expect(JSON.stringify(journal)).not.toContain('Mette Jensen');
    expect(exported(`dokument-${journal.documents[2].documentNumber}.json`).Dokument).toMatchObject({ Dokumenttype: 'Bilag', Retning: 'Internt' });
  });

  it('shows the journal to staff and auditors only, and hides cases that do not exist', async () => {
    const { case: c } = await submitAndScreen(t, tokens.researcher, completeApplication());
    await get(`/v1/cases/${c.id}/journal`, 'researcher').expect(403);
    await get('/v1/cases/00000000-0000-4000-8000-000000000000/journal', 'caseworker').expect(404);
  });
});
