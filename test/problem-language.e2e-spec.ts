import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication } from './support/applications';

/** Issue 11: problems in Danish by default and in English on Accept-Language: en; every type URI leads to its page. */
describe('problems in Danish and English (e2e)', () => {
  let t: TestApp;
  let researcher: string;

  beforeAll(async () => {
    t = await startTestApp('problem-language');
    researcher = await t.token({ sub: 'researcher-language', role: 'researcher', organisation: '31119103' });
  });
  afterAll(() => t.close());

  const invalid = (language?: string) => {
    const req = request(t.server).post('/v1/applications').set(bearer(researcher));
    if (language) req.set('Accept-Language', language);
    return req.send({ title: 42, unknownField: true }).expect(400);
  };

  it('answers a validation error in Danish by default, one message per field', async () => {
    const res = await invalid();
    expect(res.headers['content-language']).toBe('da');
    expect(res.body).toMatchObject({ type: 'https://kontaktpunkt.dk/docs/problems/validation', title: 'Ugyldige oplysninger', detail: expect.stringMatching(/^Anmodningen har 2 ugyldige felter/) });
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'title', messages: ['skal være tekst'] },
        { field: 'unknownField', messages: ['feltet kendes ikke; fjern det'] },
      ]),
    );
  });

  it('answers the validation error in English on Accept-Language: en, still one message per field', async () => {
    const res = await invalid('en-GB,en;q=0.9,da;q=0.5');
    expect(res.headers['content-language']).toBe('en');
    expect(res.body).toMatchObject({ title: 'Invalid input', detail: expect.stringMatching(/^The request has 2 invalid fields/) });
    expect(res.body.errors.find((e: { field: string }) => e.field === 'title')).toEqual({ field: 'title', messages: ['title must be a string'] });
  });

  it('answers a not-found in Danish, and in English when asked', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const da = await request(t.server).get(`/v1/applications/${id}`).set(bearer(researcher)).expect(404);
    expect(da.body).toMatchObject({ title: 'Findes ikke', detail: `Der findes ingen ansøgning ${id}, som du har adgang til.` });
    const en = await request(t.server).get(`/v1/applications/${id}`).set(bearer(researcher)).set('Accept-Language', 'en').expect(404);
    expect(en.body).toMatchObject({ title: 'Not found', detail: `There is no application ${id} that you can see.` });
  });

  it('answers a conflict in Danish, and in English when asked', async () => {
    const draft = await request(t.server).post('/v1/applications').set(bearer(researcher)).send(completeApplication()).expect(201);
    await request(t.server).post(`/v1/applications/${draft.body.id}/submit`).set(bearer(researcher)).expect(202);
    const da = await request(t.server).post(`/v1/applications/${draft.body.id}/submit`).set(bearer(researcher)).expect(409);
    expect(da.body).toMatchObject({ type: 'https://kontaktpunkt.dk/docs/problems/command-not-allowed', title: 'Ikke muligt i sagens tilstand', detail: expect.stringContaining('er ikke mulig') });
    const en = await request(t.server).post(`/v1/applications/${draft.body.id}/submit`).set(bearer(researcher)).set('Accept-Language', 'en').expect(409);
    expect(en.body).toMatchObject({ title: 'Not allowed in this state', detail: 'A researcher cannot submit when the case is submitted.' });
  });

  it('words the check report’s missing and invalid fields in Danish by default, and in English when asked', async () => {
    const draft = await request(t.server).post('/v1/applications').set(bearer(researcher)).send(completeApplication({ title: undefined, applicant: { ...(completeApplication().applicant as object), organisation: { name: 'Aarhus Universitet', country: 'DK', cvr: '29190925', sector: 'public_research' } } })).expect(201);
    const da = await request(t.server).post(`/v1/applications/${draft.body.id}/check`).set(bearer(researcher)).expect(200);
    expect(da.headers['content-language']).toBe('da');
    expect(da.body.missing).toContainEqual({ field: 'title', messages: ['skal udfyldes, før ansøgningen indsendes'] });
    expect(da.body.invalid).toContainEqual({ field: 'applicant.organisation.cvr', messages: ['skal være CVR-nummeret på den organisation, du er logget ind for (31119103)'] });
    const en = await request(t.server).post(`/v1/applications/${draft.body.id}/check`).set(bearer(researcher)).set('Accept-Language', 'en').expect(200);
    expect(en.headers['content-language']).toBe('en');
    expect(en.body.missing).toContainEqual({ field: 'title', messages: ['title is required before the application is submitted'] });
    expect(en.body.invalid).toContainEqual({ field: 'applicant.organisation.cvr', messages: ['must be the CVR of the organisation you sign in for (31119103)'] });
  });

  it('answers the rule-set dry run’s lawDate and a declaration listing an organisation twice in Danish', async () => {
    const admin = await t.token({ sub: 'admin-language', role: 'admin' });
    const dryRun = await request(t.server).post('/v1/admin/rule-sets/dry-run').set(bearer(admin)).send({ lawDate: '1. januar 2027' }).expect(400);
    expect(dryRun.body.errors).toEqual([{ field: 'lawDate', messages: ['skal være en dato som ÅÅÅÅ-MM-DD, fx 2027-01-31'] }]);
    const caseworker = await t.token({ sub: 'cw-language', role: 'caseworker', organisation: '33257872' });
    const twice = { organisations: [{ cvr: '31119103', reason: 'Tidligere ansat' }, { cvr: '31119103', reason: 'Igen' }] };
    const conflicts = await request(t.server).put('/v1/me/conflicts').set(bearer(caseworker)).send(twice).expect(400);
    expect(conflicts.body.errors).toEqual([{ field: 'organisations[1].cvr', messages: ['31119103 er angivet to gange'] }]);
  });

  it('leads every problem type URI to its description in /docs, in Danish and English, without a token', async () => {
    const res = await request(t.server).get('/docs/problems/command-not-allowed').expect(302);
    expect(res.headers.location).toBe('/docs/problems#command-not-allowed');
    const page = await request(t.server).get('/docs/problems').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('id="command-not-allowed"');
    expect(page.text).toContain('Ikke muligt i sagens tilstand');
    expect(page.text).toContain('Not allowed in this state');
    await request(t.server).get('/docs/problems/no-such-type').expect(404);
  });
});
