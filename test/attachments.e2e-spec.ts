import { createHash } from 'node:crypto';
import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest, submitAndScreen } from './support/applications';
import { docm, docx, odt, pdf, png } from './support/office-files';
import { waitFor } from './support/wait';

/**
 * Attachments (issue 16): the researcher attaches the protocol, the ethics committee's answer, the
 * record of processing and contracts to the draft and to the case; staff attach hearing answers and
 * legal opinions. Type read from the bytes, size limited (ATTACHMENT_MAX_BYTES), SHA-256 in the
 * audit trail (forvaltningsloven § 15), served only to those who may see the case (GDPR art. 32).
 */
describe('attachments (e2e)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const MAX = 64 * 1024;
  const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const upload = (path: string, who: string, file: Buffer, filename: string, kind: string) =>
    request(t.server).post(path).set(bearer(tokens[who])).field('kind', kind).attach('file', file, { filename, contentType: 'application/octet-stream' });
  const get = (path: string, who: string) => request(t.server).get(path).set(bearer(tokens[who]));
  /** supertest buffers a binary answer only when asked to. */
  const download = (path: string, who: string) =>
    get(path, who)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  beforeAll(async () => {
    t = await startTestApp('attachments', { env: { LOG_LEVEL: 'error', ATTACHMENT_MAX_BYTES: String(MAX) } });
    const people = {
      researcher: { sub: 'r-att-1', role: 'researcher', organisation: '31119103' },
      otherResearcher: { sub: 'r-att-2', role: 'researcher', organisation: '31119103' },
      caseworker: { sub: 'cw-att-1', role: 'caseworker', organisation: '33257872' },
      auditor: { sub: 'au-att-1', role: 'auditor' },
      admin: { sub: 'ad-att-1', role: 'admin' },
    } as const;
    for (const [name, actor] of Object.entries(people)) tokens[name] = await t.token(actor);
  });
  afterAll(() => t.close());

  it('attaches the protocol to the draft, serves it back unchanged, and takes it into the case', async () => {
    const draft = (await request(t.server).post('/v1/applications').set(bearer(tokens.researcher)).send(completeApplication({ dataRequests: [dataRequest('lpr')] })).expect(201)).body;
    const protocol = pdf(3000);
    const res = await upload(`/v1/applications/${draft.id}/attachments`, 'researcher', protocol, 'C:\\Projekter\\Protokol – hjertesvigt.pdf', 'protocol').expect(201);
    expect(res.body).toMatchObject({ applicationId: draft.id, caseId: null, kind: 'protocol', filename: 'Protokol – hjertesvigt.pdf', mediaType: 'application/pdf', sizeBytes: protocol.length, sha256: sha256(protocol), uploadedByRole: 'researcher' });
    expect(res.headers.location).toBe(`/v1/attachments/${res.body.id}/content`);
    const ethics = await upload(`/v1/applications/${draft.id}/attachments`, 'researcher', docx('VEK svar'), 'vek.docx', 'ethics_approval').expect(201);
    expect(ethics.body.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');

    const got = await download(res.headers.location, 'researcher').expect(200);
    expect(Buffer.compare(got.body as Buffer, protocol)).toBe(0);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.pdf"; filename\*=UTF-8''Protokol%20%E2%80%93%20hjertesvigt\.pdf$/);
    expect(got.headers['repr-digest']).toBe(`sha-256=:${createHash('sha256').update(protocol).digest('base64')}:`);

    // Submitted, the case holds what the draft had; the caseworker adds a legal opinion, which the applicant also reads.
    const submitted = (await request(t.server).post(`/v1/applications/${draft.id}/submit`).set(bearer(tokens.researcher)).expect(202)).body;
    await waitFor(async () => ((await get(`/v1/cases/${submitted.id}`, 'researcher')).body.state === 'in_review' ? true : undefined), 20000, 'screening');
    // Through the application, a document now lands on its case.
    const late = await upload(`/v1/applications/${draft.id}/attachments`, 'researcher', pdf(), 'fortegnelse.pdf', 'record_of_processing').expect(201);
    expect(late.body.caseId).toBe(submitted.id);
    const contract = await upload(`/v1/cases/${submitted.id}/attachments`, 'researcher', odt(), 'databehandleraftale.odt', 'contract').expect(201);
    expect(contract.body).toMatchObject({ caseId: submitted.id, mediaType: 'application/vnd.oasis.opendocument.text' });
    // Staff attach the contact point's documents, not the applicant's, and the other way round.
    const wrongKind = await upload(`/v1/cases/${submitted.id}/attachments`, 'caseworker', pdf(), 'protocol.pdf', 'protocol').expect(400);
    expect(wrongKind.body.errors[0]).toEqual({ field: 'kind', messages: ['skal være en af hearing_answer, legal_opinion, correspondence, other for rollen caseworker'] });
    await upload(`/v1/cases/${submitted.id}/attachments`, 'researcher', pdf(), 'opinion.pdf', 'legal_opinion').expect(400);
    const opinion = await upload(`/v1/cases/${submitted.id}/attachments`, 'caseworker', png(), 'scan.png', 'legal_opinion').expect(201);
    expect(opinion.body).toMatchObject({ kind: 'legal_opinion', mediaType: 'image/png', uploadedByRole: 'caseworker' });

    const listed = (await get(`/v1/cases/${submitted.number}/attachments`, 'researcher').expect(200)).body.items;
    expect(listed.map((a: { kind: string }) => a.kind)).toEqual(['protocol', 'ethics_approval', 'record_of_processing', 'contract', 'legal_opinion']);
    expect((await get(`/v1/cases/${submitted.id}/attachments`, 'auditor').expect(200)).body.items).toHaveLength(5);
    await download(opinion.body.contentUrl, 'caseworker').expect(200);

    // The audit trail holds each file's hash, never its bytes; the caseworker's download is audited.
    const trail = (await get(`/v1/cases/${submitted.id}/audit`, 'auditor').expect(200)).body;
    const events = (trail.items ?? trail.events ?? trail) as { action: string; payload: Record<string, unknown> }[];
    const added = events.filter((e) => e.action === 'attachment.added');
    expect(added.map((e) => e.payload.sha256)).toEqual(expect.arrayContaining([sha256(protocol), contract.body.sha256, opinion.body.sha256]));
    expect(JSON.stringify(events)).not.toContain(protocol.toString('base64').slice(0, 40));
    expect(events.some((e) => e.action === 'attachment.downloaded' && e.payload.attachmentId === opinion.body.id)).toBe(true);
  });

  it('hides a case’s attachments from other applicants and from roles that do not read cases (404)', async () => {
    const { applicationId, case: c } = await submitAndScreen(t, tokens.researcher, completeApplication({ dataRequests: [dataRequest('lpr')] }));
    const secret = (await upload(`/v1/cases/${c.id}/attachments`, 'researcher', pdf(), 'kontrakt.pdf', 'contract').expect(201)).body;
    for (const who of ['otherResearcher', 'admin']) {
      const refused = await download(secret.contentUrl, who);
      expect([403, 404]).toContain(refused.status);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    const other = await download(secret.contentUrl, 'otherResearcher').expect(404);
    expect(other.body.toString()).not.toContain('kontrakt');
    await get(`/v1/cases/${c.id}/attachments`, 'otherResearcher').expect(404);
    await get(`/v1/applications/${applicationId}/attachments`, 'otherResearcher').expect(404);
    await upload(`/v1/cases/${c.id}/attachments`, 'otherResearcher', pdf(), 'x.pdf', 'contract').expect(404);
    await download('/v1/attachments/00000000-0000-4000-8000-000000000000/content', 'caseworker').expect(404);
  });

  it('refuses a file over ATTACHMENT_MAX_BYTES with 413 and one of the wrong type with 415, storing neither', async () => {
    const draft = (await request(t.server).post('/v1/applications').set(bearer(tokens.researcher)).send(completeApplication({ dataRequests: [dataRequest('lpr')] })).expect(201)).body;
    const tooLarge = await upload(`/v1/applications/${draft.id}/attachments`, 'researcher', pdf(MAX + 1), 'big.pdf', 'protocol').expect(413);
    expect(tooLarge.headers['content-type']).toContain('application/problem+json');
    expect(tooLarge.body).toMatchObject({ status: 413, maxBytes: MAX });
    expect(tooLarge.body.type).toContain('attachment-too-large');
    expect(tooLarge.body.errors[0]).toEqual({ field: 'file', messages: [`må højst være ${MAX} byte`] });
    // Declared larger than the limit: refused before the body is read.
    const declared = await request(t.server).post(`/v1/applications/${draft.id}/attachments`).set(bearer(tokens.researcher)).set('Content-Type', 'multipart/form-data; boundary=x').set('Content-Length', String(MAX * 4)).send(Buffer.alloc(10));
    expect(declared.status).toBe(413);

    for (const [bytes, name] of [
      [Buffer.from('MZ\x90\x00\x03\x00\x00\x00 this program cannot be run'), 'protocol.pdf'],
      [Buffer.from('<html><script>alert(document.cookie)</script></html>'), 'protocol.pdf'],
      [docm(), 'protocol.docx'],
    ] as [Buffer, string][]) {
      const wrong = await upload(`/v1/applications/${draft.id}/attachments`, 'researcher', bytes, name, 'protocol').expect(415);
      expect(wrong.headers['content-type']).toContain('application/problem+json');
      expect(wrong.body.type).toContain('attachment-type-not-allowed');
      expect(wrong.body.errors[0].field).toBe('file');
    }
    const da = await upload(`/v1/applications/${draft.id}/attachments`, 'researcher', Buffer.from('plain text'), 'a.txt', 'protocol').set('Accept-Language', 'da').expect(415);
    expect(da.body.title).toBe('Filtypen modtages ikke');
    const missing = await request(t.server).post(`/v1/applications/${draft.id}/attachments`).set(bearer(tokens.researcher)).field('kind', 'protocol').expect(400);
    expect(missing.body.errors[0].field).toBe('file');
    const badKind = await upload(`/v1/applications/${draft.id}/attachments`, 'researcher', pdf(), 'p.pdf', 'selfie').expect(400);
    expect(badKind.body.errors[0].field).toBe('kind');
    expect((await get(`/v1/applications/${draft.id}/attachments`, 'researcher').expect(200)).body.items).toEqual([]);
  });
});
