import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, submitAndScreen } from './support/applications';
import { binary, pdfText } from './support/pdf-text';

/**
 * Decision letters and permits as PDF documents (issue 15). What they must say comes from the law:
 * a written decision gives its legal basis and reasons (forvaltningsloven §§ 22–24) and appeal
 * guidance (§ 25); the permit states the data, the conditions and its duration (EHDS art. 68). A
 * printed letter is tied to the audit trail by the hash of the event that recorded the decision.
 */
describe('decision letters and permits as PDFs (e2e)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const post = (path: string, who: string, body: object = {}) => request(t.server).post(path).set(bearer(tokens[who])).send(body);
  const pdf = (path: string, who: string, language?: string) => {
    const req = request(t.server).get(path).set(bearer(tokens[who])).buffer(true).parse(binary);
    if (language) req.set('Accept-Language', language);
    return req;
  };
  const REASONING = 'Scientific research of significant societal importance; the data requested are necessary for the follow-up of stroke patients.';
  const OWN_CONDITION = 'Only patients admitted 2015–2024';
  let decision: Record<string, any>;
  let permit: Record<string, any>;
  let caseNumber: string;

  beforeAll(async () => {
    t = await startTestApp('decision_documents');
    const people = {
      researcher: { sub: 'r-1', role: 'researcher', organisation: '31119103' },
      other: { sub: 'r-2', role: 'researcher', organisation: '31119103' },
      caseworker: { sub: 'cw-1', role: 'caseworker', organisation: '33257872' },
      approver: { sub: 'la-1', role: 'legal_approver', organisation: '33257872' },
      controller: { sub: 'ctl-rh', role: 'controller', organisation: '29190623' },
      auditor: { sub: 'aud-1', role: 'auditor' },
    } as const;
    for (const [name, actor] of Object.entries(people)) tokens[name] = await t.token(actor);
    t.clock.set(new Date('2027-05-03T09:00:00Z'));
    const { case: c } = await submitAndScreen(t, tokens.researcher, completeApplication());
    caseNumber = c.number;
    await post(`/v1/cases/${c.id}/claim`, 'caseworker').expect(200);
    const draft = (
      await post(`/v1/cases/${c.id}/sub-cases/${c.subCases[0].id}/decision-drafts`, 'caseworker', {
        outcome: 'approved_with_conditions',
        legalBasis: 'Databeskyttelsesloven § 10 stk. 1; GDPR art. 6(1)(e) and art. 9(2)(j)',
        reasoning: REASONING,
        conditions: [OWN_CONDITION],
        departureReason: 'The caseworker has assessed the findings.',
      }).expect(201)
    ).body;
    ({ decision, permit } = (await post(`/v1/decision-drafts/${draft.id}/issue`, 'approver').expect(201)).body);
  }, 120000);
  afterAll(() => t.close());

  const auditHash = async (action: string, key: string, id: string) => {
    const items = (await request(t.server).get(`/v1/cases/${decision.caseId}/audit?limit=500`).set(bearer(tokens.auditor)).expect(200)).body.items;
    return items.find((e: any) => e.action === action && e.payload[key] === id).hash as string;
  };

  it('writes the decision letter in Danish with authority, numbers, purpose, data, legal basis, reasoning, conditions, period, appeal guidance and the audit hash', async () => {
    const res = await pdf(`/v1/decisions/${decision.id}/letter.pdf`, 'researcher').expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-language']).toBe('da');
    const text = await pdfText(res.body);
    expect(text).toContain('Afgørelse om adgang til sundhedsdata');
    expect(text).toContain('Ét kontaktpunkt for sundhedsdata (Sundhedsdatastyrelsen)');
    expect(text).toContain(caseNumber);
    expect(text).toContain(permit.number);
    expect(text).toContain('To study mortality and readmission after stroke to improve rehabilitation.');
    expect(text).toContain('Landspatientregisteret (lpr)');
    expect(text).toContain('Adults diagnosed with stroke 2015–2024');
    expect(text).toContain('Databeskyttelsesloven § 10 stk. 1');
    expect(text).toContain('Begrundelse (forvaltningsloven §§ 22–24)');
    expect(text).toContain(REASONING);
    expect(text).toContain(OWN_CONDITION);
    // The standard conditions in Danish, as the decision stored them.
    expect(text).toContain('Kun de personer, der er navngivet i tilladelsen, må få adgang til data');
    expect(text).toContain('Projektperioden 2026-01-01 til og med 2028-12-31.');
    expect(text).toContain('Klagevejledning (forvaltningsloven § 25)');
    expect(text).toContain('Afgørelsen kan ikke påklages til en anden forvaltningsmyndighed');
    expect(text).toContain('domstolene');
    expect(text).toContain(await auditHash('decision.issued', 'decisionId', decision.id));
  });

  it('writes the decision letter in English on Accept-Language: en', async () => {
    const res = await pdf(`/v1/decisions/${decision.id}/letter.pdf`, 'researcher', 'en').expect(200);
    expect(res.headers['content-language']).toBe('en');
    const text = await pdfText(res.body);
    expect(text).toContain('Decision on access to health data');
    expect(text).toContain('Reasoning (Danish Public Administration Act §§ 22–24)');
    expect(text).toContain(REASONING);
    expect(text).toContain(OWN_CONDITION);
    expect(text).toContain('Only the persons named in the permit may access the data');
    expect(text).toContain('Appeal guidance: This decision cannot be appealed to another administrative body.');
    expect(text).toContain('Danish Constitution § 63');
    expect(text).not.toContain('Klagevejledning');
  });

  it('gives the same bytes for the same decision, apart from the creation date', async () => {
    const first = (await pdf(`/v1/decisions/${decision.id}/letter.pdf`, 'researcher').expect(200)).body as Buffer;
    t.clock.set(new Date('2027-06-14T13:30:00Z'));
    const second = (await pdf(`/v1/decisions/${decision.id}/letter.pdf`, 'researcher').expect(200)).body as Buffer;
    expect(second.equals(first)).toBe(false);
    // The creation date (and the file identifier derived from it) are the only difference.
    const withoutDate = (b: Buffer) => b.toString('latin1').replace(/\(D:\d{14}Z\)/g, '(D:…)').replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/, '/ID […]');
    expect(withoutDate(second)).toEqual(withoutDate(first));
    expect(second.toString('latin1')).toContain('(D:20270614133000Z)');
  });

  it('writes the permit with data per source, conditions, validity, environment, appeal guidance and the hash of its issue', async () => {
    const da = await pdfText((await pdf(`/v1/permits/${permit.id}/document.pdf`, 'researcher').expect(200)).body);
    expect(da).toContain('Tilladelse til dataudlevering');
    expect(da).toContain(permit.number);
    expect(da).toContain('Mette Jensen, Aarhus Universitet');
    expect(da).toContain('Landspatientregisteret (lpr)');
    expect(da).toContain(REASONING);
    expect(da).toContain(OWN_CONDITION);
    expect(da).toContain('Tilladelsen gælder fra 2027-05-03 til og med 2028-12-31');
    expect(da).toContain('Sundhedsdatastyrelsens forskermaskine');
    expect(da).toContain('Afgørelsen kan ikke påklages til en anden forvaltningsmyndighed');
    expect(da).toContain(await auditHash('permit.issued', 'permitId', permit.id));

    const en = await pdfText((await pdf(`/v1/permits/${permit.id}/document.pdf`, 'caseworker', 'en').expect(200)).body);
    expect(en).toContain('Data permit');
    expect(en).toContain('The permit is valid from 2027-05-03 up to and including 2028-12-31');
    expect(en).toContain('Appeal guidance: This decision cannot be appealed');
  });

  it('gives the documents only to those who may see the case: not another researcher, not a controller of other sources', async () => {
    await pdf(`/v1/decisions/${decision.id}/letter.pdf`, 'other').expect(404);
    await pdf(`/v1/permits/${permit.id}/document.pdf`, 'other').expect(404);
    await pdf(`/v1/decisions/${decision.id}/letter.pdf`, 'controller').expect(404);
    // Controllers do not read permits at all (GET /v1/permits/:id neither).
    await pdf(`/v1/permits/${permit.id}/document.pdf`, 'controller').expect(403);
    await pdf(`/v1/decisions/00000000-0000-4000-8000-000000000000/letter.pdf`, 'auditor').expect(404);
    await pdf(`/v1/decisions/${decision.id}/letter.pdf`, 'auditor').expect(200);
  });
});
