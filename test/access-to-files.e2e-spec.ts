import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, submitAndScreen } from './support/applications';
import { pdf } from './support/office-files';
import { binary, pdfText } from './support/pdf-text';
import { waitFor } from './support/wait';

/**
 * Access to files (aktindsigt): the caseworker exports the case file as one PDF with the log of its
 * documents, the parts withheld replaced by a marker citing the exemption — offentlighedsloven
 * (§ 7; §§ 23, 30, 33) for anyone, forvaltningsloven (§ 9; §§ 12, 15) for a party. Read back as text.
 */
describe('access to files (e2e)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const post = (path: string, who: string, body: object = {}) => request(t.server).post(path).set(bearer(tokens[who])).send(body);
  const get = (path: string, who: string) => request(t.server).get(path).set(bearer(tokens[who]));
  const exportPdf = (caseId: string, who: string, body: object) => post(`/v1/cases/${caseId}/access-to-files`, who, body).buffer(true).parse(binary);
  const NOTE = 'Internal assessment: the cohort may be too small for anonymised output.';
  const ANSWER = 'Only I60–I69 are needed; we narrow the request accordingly.';
  let c: Record<string, any>;
  let hearing: Record<string, any>;
  let files: Record<string, any>;

  beforeAll(async () => {
    t = await startTestApp('access_to_files', { env: { LOG_LEVEL: 'error' } });
    const people = {
      researcher: { sub: 'r-1', role: 'researcher', organisation: '31119103' },
      caseworker: { sub: 'cw-1', role: 'caseworker', organisation: '33257872' },
      approver: { sub: 'la-1', role: 'legal_approver', organisation: '33257872' },
      auditor: { sub: 'aud-1', role: 'auditor' },
    } as const;
    for (const [name, actor] of Object.entries(people)) tokens[name] = await t.token(actor);
    c = (await submitAndScreen(t, tokens.researcher, completeApplication())).case;
    await post(`/v1/cases/${c.id}/claim`, 'caseworker').expect(200);
    await post(`/v1/cases/${c.id}/notes`, 'caseworker', { text: NOTE, visibility: 'internal' }).expect(201);
    hearing = (await post(`/v1/cases/${c.id}/sub-cases/${c.subCases[0].id}/hearings`, 'caseworker', { draftGrounds: 'We consider refusing: the diagnosis codes go beyond stroke.' }).expect(201)).body;
    await post(`/v1/hearings/${hearing.id}/answer`, 'researcher', { answer: ANSWER }).expect(200);
    // The journal numbers appear in the log once the journal job has run.
    files = await waitFor(async () => {
      const body = (await get(`/v1/cases/${c.id}/access-to-files/documents`, 'caseworker').expect(200)).body;
      return body.documents.every((d: { documentNumber: string | null; kind: string }) => d.documentNumber || d.kind === 'note') ? body : undefined;
    }, 20000, 'journalised documents');
  }, 120000);
  afterAll(() => t.close());

  const key = (kind: string) => files.documents.find((d: { kind: string }) => d.kind === kind).key as string;

  it('lists the case file’s documents with their sections to mark', () => {
    expect(files.documents.map((d: { kind: string }) => d.kind)).toEqual(['application', 'note', 'hearing', 'hearing_answer']);
    expect(files.documents[0]).toMatchObject({ documentNumber: `KP-${c.number}-001`, sections: expect.arrayContaining([{ key: 'applicant', heading: 'Ansøger' }, { key: 'purpose', heading: 'Formål' }]) });
  });

  it('exports the case file for anyone (offentlighedsloven § 7) with the withheld parts marked and the document log', async () => {
    const res = await exportPdf(c.id, 'caseworker', {
      basis: 'public',
      requester: 'Jens Hansen, journalist',
      withheld: [
        { document: key('application'), section: 'applicant', exemption: 'offl-30-1' },
        { document: key('application'), section: 'researchers', exemption: 'offl-30-1' },
        { document: key('application'), section: 'safeguards', exemption: 'offl-30-2' },
        { document: key('note'), exemption: 'offl-23' },
      ],
    }).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.body);
    expect(text).toContain(`Aktindsigt i sag ${c.number}`);
    expect(text).toContain('Grundlag: offentlighedsloven § 7 (aktindsigt for enhver)');
    expect(text).toContain('Anmoder: Jens Hansen, journalist');
    // The log: every document, each given, given in part or withheld with the ground.
    expect(text).toContain('Dokumentliste');
    expect(text).toMatch(/Ansøgning: Long-term outcomes after stroke \(indgående, KP-EK-\d{4}-\d{6}-001\): delvis udleveret; undtaget efter offentlighedsloven § 30, nr. 1/);
    expect(text).toContain('Intern notat (internt): undtaget efter offentlighedsloven § 23 (interne dokumenter)');
    expect(text).toMatch(/Høringssvar: Landspatientregisteret \(indgående, KP-EK-\d{4}-\d{6}-003\): udleveret/);
    // The documents: withheld parts replaced by the marker; the rest given.
    expect(text).toContain('Ansøger: [Undtaget fra aktindsigt efter offentlighedsloven § 30, nr. 1 (oplysninger om enkeltpersoners private forhold)]');
    expect(text).toContain('Sikkerhedsforanstaltninger: [Undtaget fra aktindsigt efter offentlighedsloven § 30, nr. 2');
    expect(text).toContain('Formål: To study mortality and readmission after stroke to improve rehabilitation.');
    expect(text).toContain(ANSWER);
    expect(text).not.toContain('mette.jensen@au.dk');
    expect(text).not.toContain(NOTE);
    expect(text).not.toContain('personal access with two-factor login');
  });

  it('exports for a party (forvaltningsloven § 9) and audits what was withheld, the footer tying the PDF to the trail', async () => {
    const res = await exportPdf(c.id, 'approver', { basis: 'party', requester: 'Mette Jensen (ansøger)', withheld: [{ document: key('note'), exemption: 'fvl-12' }] }).expect(200);
    const text = await pdfText(res.body);
    expect(text).toContain('Grundlag: forvaltningsloven § 9 (aktindsigt som part i sagen)');
    expect(text).toContain('[Undtaget fra aktindsigt efter forvaltningsloven § 12 (interne arbejdsdokumenter)]');
    expect(text).toContain('mette.jensen@au.dk');
    const events = (await get(`/v1/cases/${c.id}/audit?limit=500`, 'auditor').expect(200)).body.items;
    const event = events.filter((e: { action: string }) => e.action === 'case.access_to_files_exported').pop();
    expect(event.payload).toMatchObject({ basis: 'party', requester: 'Mette Jensen (ansøger)', withheld: [{ document: key('note'), exemption: 'fvl-12' }] });
    expect(text).toContain(`revisionsspor ${event.hash}`);
  });

  it('refuses a ground of the other law, a document not in the case file and a section the document lacks, naming the field', async () => {
    const wrongLaw = await post(`/v1/cases/${c.id}/access-to-files`, 'caseworker', { basis: 'party', requester: 'X', withheld: [{ document: key('note'), exemption: 'offl-23' }] }).expect(400);
    expect(wrongLaw.headers['content-type']).toMatch(/problem\+json/);
    expect(wrongLaw.body.errors).toEqual([{ field: 'withheld[0].exemption', messages: [expect.stringContaining('forvaltningsloven § 9')] }]);
    const unknown = await post(`/v1/cases/${c.id}/access-to-files`, 'caseworker', { basis: 'public', requester: 'X', withheld: [{ document: 'note:00000000-0000-4000-8000-000000000000', exemption: 'offl-23' }] }).expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'withheld[0].document', messages: [expect.stringContaining('access-to-files/documents')] }]);
    const section = await post(`/v1/cases/${c.id}/access-to-files`, 'caseworker', { basis: 'public', requester: 'X', withheld: [{ document: key('application'), section: 'nope', exemption: 'offl-30-1' }] }).expect(400);
    expect(section.body.errors).toEqual([{ field: 'withheld[0].section', messages: [expect.stringContaining('applicant, researchers')] }]);
  });

  it('lists the case’s attachments, the applicant’s and staff’s alike, as documents handed out separately', async () => {
    const { case: other, applicationId } = await submitAndScreen(t, tokens.researcher, completeApplication({ title: 'Attachments in the case file' }));
    await request(t.server).post(`/v1/applications/${applicationId}/attachments`).set(bearer(tokens.researcher)).field('kind', 'protocol').attach('file', pdf(), 'protokol.pdf').expect(201);
    await request(t.server).post(`/v1/cases/${other.id}/attachments`).set(bearer(tokens.caseworker)).field('kind', 'legal_opinion').attach('file', pdf(), 'juridisk-notat.pdf').expect(201);
    const documents = (await get(`/v1/cases/${other.id}/access-to-files/documents`, 'caseworker').expect(200)).body.documents as { kind: string; title: string }[];
    expect(documents.filter((d) => d.kind === 'attachment').map((d) => d.title).sort()).toEqual(['Bilag: juridisk-notat.pdf', 'Bilag: protokol.pdf']);
  });

  it('is for caseworkers and legal approvers only, and hides cases that do not exist', async () => {
    await post(`/v1/cases/${c.id}/access-to-files`, 'researcher', { basis: 'party', requester: 'X', withheld: [] }).expect(403);
    await get(`/v1/cases/${c.id}/access-to-files/documents`, 'auditor').expect(403);
    await post('/v1/cases/00000000-0000-4000-8000-000000000000/access-to-files', 'caseworker', { basis: 'party', requester: 'X', withheld: [] }).expect(404);
  });
});
