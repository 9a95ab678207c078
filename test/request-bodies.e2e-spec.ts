import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication } from './support/applications';

/** Issue 11: a body the API cannot read is refused, and an Idempotency-Key never replays another request. */
describe('request bodies and idempotency (e2e)', () => {
  let t: TestApp;
  let researcher: string;

  beforeAll(async () => {
    t = await startTestApp('request-bodies');
    researcher = await t.token({ sub: 'researcher-bodies', role: 'researcher', organisation: '31119103' });
  });
  afterAll(() => t.close());

  it('refuses a body that is not application/json with 415 problem+json quoting the request id', async () => {
    for (const [type, body] of [
      ['text/plain', 'title=Stroke'],
      ['application/x-www-form-urlencoded', 'title=Stroke'],
    ]) {
      const refused = await request(t.server).post('/v1/applications').set(bearer(researcher)).set('Content-Type', type).set('X-Request-Id', 'req-415-test').send(body).expect(415);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ type: 'https://kontaktpunkt.dk/docs/problems/unsupported-media-type', status: 415, requestId: 'req-415-test' });
    }
  });

  it('reads JSON with a charset, and a command without a body whatever its Content-Type', async () => {
    const created = await request(t.server).post('/v1/applications').set(bearer(researcher)).set('Content-Type', 'application/json; charset=utf-8').send(JSON.stringify(completeApplication())).expect(201);
    await request(t.server).post(`/v1/applications/${created.body.id}/check`).set(bearer(researcher)).set('Content-Type', 'text/plain').expect(200);
  });

  it('quotes the request id on a body too large (413)', async () => {
    const refused = await request(t.server).post('/v1/applications').set(bearer(researcher)).set('X-Request-Id', 'req-413-test').send({ title: 'x'.repeat(200_000) }).expect(413);
    expect(refused.body).toMatchObject({ status: 413, requestId: 'req-413-test' });
  });

  it('refuses an Idempotency-Key reused with a different body with 422, and still replays the same body', async () => {
    const create = (title: string) => request(t.server).post('/v1/applications').set(bearer(researcher)).set('Idempotency-Key', 'reused-key-0001').send({ title });
    const first = await create('First study').expect(201);
    const replay = await create('First study').expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.id).toBe(first.body.id);
    const refused = await create('Another study').expect(422);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ type: 'https://kontaktpunkt.dk/docs/problems/idempotency-key-reused', status: 422 });
    const mine = await request(t.server).get('/v1/applications').set(bearer(researcher)).expect(200);
    expect(mine.body.items.filter((a: { content: { title?: string } }) => a.content.title === 'Another study')).toEqual([]);
  });
});
