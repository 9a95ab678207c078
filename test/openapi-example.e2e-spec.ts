import { OpenAPIObject } from '@nestjs/swagger';
import request from 'supertest';
import { bearer } from './support/applications';
import { startTestApp, TestApp } from './support/app';

interface Examples {
  examples?: Record<string, { value: unknown }>;
}

/**
 * The example application the OpenAPI document shows on create and update (issue 11): a client
 * that sends it unchanged gets a complete application that check finds ready to submit, on the
 * law of today and on the law the project's own dates fall under.
 */
describe('the example application in /openapi.json (e2e)', () => {
  let t: TestApp;
  let example: Record<string, unknown>;

  beforeAll(async () => {
    t = await startTestApp('openapi_example');
    const document: OpenAPIObject = (await request(t.server).get('/openapi.json').expect(200)).body;
    const bodyOf = (path: string, method: 'post' | 'patch') =>
      ((document.paths[path][method]?.requestBody as { content: Record<string, Examples> }).content['application/json'].examples ?? {});
    const onCreate = bodyOf('/v1/applications', 'post');
    const onUpdate = bodyOf('/v1/applications/{id}', 'patch');
    expect(Object.keys(onCreate)).toEqual(['complete']);
    expect(onUpdate).toEqual(onCreate);
    example = onCreate.complete.value as Record<string, unknown>;
  });

  afterAll(() => t.close());

  it('passes check unchanged: complete, ready to submit, no refusal likely', async () => {
    // The example's applicant is Aarhus Universitet (CVR 31119103): a researcher signed in there sends it.
    const researcher = await t.token({ sub: 'example-researcher', role: 'researcher', organisation: '31119103' });
    const draft = await request(t.server).post('/v1/applications').set(bearer(researcher)).send(example).expect(201);
    const check = (await request(t.server).post(`/v1/applications/${draft.body.id}/check`).set(bearer(researcher)).expect(200)).body;
    expect(check).toMatchObject({ complete: true, missing: [], invalid: [], readyToSubmit: true, refusalLikely: false });
    expect(check.dataRequests.map((r: { verdict: string }) => r.verdict)).toEqual(['approve']);

    // Under the law of the project's own start (EHDS chapter IV applies from 26 March 2029), too.
    t.clock.set(new Date('2039-12-01T09:00:00Z'));
    const later = (await request(t.server).post(`/v1/applications/${draft.body.id}/check`).set(bearer(researcher)).expect(200)).body;
    expect(later).toMatchObject({ complete: true, readyToSubmit: true, refusalLikely: false });
    expect(later.dataRequests.map((r: { verdict: string }) => r.verdict)).toEqual(['approve']);
  });

  it('the example statistics-only request passes check unchanged, too (issue 15)', async () => {
    const document: OpenAPIObject = (await request(t.server).get('/openapi.json').expect(200)).body;
    const stats = (document.paths['/v1/statistics-requests'].post?.requestBody as { content: Record<string, Examples> }).content['application/json'].examples!.complete.value;
    const researcher = await t.token({ sub: 'example-researcher', role: 'researcher', organisation: '31119103' });
    const draft = await request(t.server).post('/v1/statistics-requests').set(bearer(researcher)).send(stats as object).expect(201);
    expect(draft.body.kind).toBe('statistics');
    const check = (await request(t.server).post(`/v1/applications/${draft.body.id}/check`).set(bearer(researcher)).expect(200)).body;
    expect(check).toMatchObject({ complete: true, missing: [], invalid: [], readyToSubmit: true });
  });
});
