import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest } from './support/applications';

/**
 * `POST …/check` and `submit` apply one check (issue 11): for each refusal submit can give, check
 * reports the application as not ready, and a ready check is accepted.
 */
describe('check says what submit will say (e2e)', () => {
  let t: TestApp;
  let researcher: string;

  beforeAll(async () => {
    t = await startTestApp('check-submit');
    researcher = await t.token({ sub: 'researcher-check', role: 'researcher', organisation: '31119103' });
  });
  afterAll(() => t.close());

  const draft = async (content: Record<string, unknown>) => (await request(t.server).post('/v1/applications').set(bearer(researcher)).send(content).expect(201)).body.id as string;
  const check = async (id: string) => (await request(t.server).post(`/v1/applications/${id}/check`).set(bearer(researcher)).expect(200)).body;
  const submit = (id: string) => request(t.server).post(`/v1/applications/${id}/submit`).set(bearer(researcher)).set('Accept-Language', 'en');

  it('reports a missing field as not ready, and submit refuses it as incomplete', async () => {
    const { purpose: _omitted, ...content } = completeApplication();
    const id = await draft(content);
    expect(await check(id)).toMatchObject({ complete: false, readyToSubmit: false, nextCommand: 'submit', missing: [expect.objectContaining({ field: 'purpose' })] });
    expect((await submit(id).expect(422)).body.type).toMatch(/incomplete-application$/);
  });

  it('reports a CVR other than the signed-in organisation’s as invalid, and submit refuses it', async () => {
    const base = completeApplication();
    const applicant = base.applicant as { organisation: Record<string, unknown> };
    const id = await draft({ ...base, applicant: { ...applicant, organisation: { ...applicant.organisation, cvr: '30060946' } } });
    const report = await check(id);
    expect(report).toMatchObject({ complete: true, readyToSubmit: false, invalid: [expect.objectContaining({ field: 'applicant.organisation.cvr' })] });
    const refused = await submit(id).expect(400);
    expect(refused.body).toMatchObject({ type: expect.stringMatching(/validation$/), errors: [expect.objectContaining({ field: 'applicant.organisation.cvr' })] });
  });

  it('reports an application already submitted as not ready, with no command that sends it, and submit refuses it', async () => {
    const id = await draft(completeApplication());
    expect(await check(id)).toMatchObject({ readyToSubmit: true, nextCommand: 'submit', refusalLikely: false });
    await submit(id).expect(202);
    expect(await check(id)).toMatchObject({ readyToSubmit: false, nextCommand: null });
    expect((await submit(id).expect(409)).body.type).toMatch(/command-not-allowed$/);
  });

  it('says when a blocking finding makes a refusal likely, while submit still accepts the application for handling', async () => {
    const id = await draft(completeApplication({ ethicsApproval: undefined, dataRequests: [dataRequest('biobank-dnb', { biologicalMaterial: true })] }));
    const report = await check(id);
    expect(report.dataRequests[0].findings).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'blocking' })]));
    expect(report).toMatchObject({ readyToSubmit: true, refusalLikely: true });
    await submit(id).expect(202);
  });
});
