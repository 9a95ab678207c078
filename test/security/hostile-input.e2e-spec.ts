import { Logger } from '@nestjs/common';
import request, { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/app';
import { bearer, completeApplication } from '../support/applications';

/**
 * Input that used to crash a request (issue 13, finding 2): each is refused with a 4xx problem
 * before it reaches validation's recursion or PostgreSQL, nothing is written, and the refusal
 * leaves no stack trace in the log at error level.
 */
describe('hostile input is refused with a 4xx problem, never a 500 (e2e)', () => {
  let t: TestApp;
  let researcher: string;
  let errorLog: jest.SpyInstance;
  let warnLog: jest.SpyInstance;

  const applications = async (): Promise<number> => (await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM application'))[0].n;
  const forgedCursor = (key: string) => Buffer.from(JSON.stringify([key, '4f1c2a8e-0000-4000-8000-000000000001'])).toString('base64url');
  const nested = (open: string, close: string, depth: number) => open.repeat(depth) + close.repeat(depth);

  function expectProblem(res: Response, status: number, type?: string): void {
    expect({ status: res.status, body: res.body }).toMatchObject({ status, body: { status } });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    if (type) expect(res.body.type).toBe(`https://kontaktpunkt.dk/docs/problems/${type}`);
    expect(JSON.stringify(res.body)).not.toMatch(/\n\s+at /);
  }

  function expectInvalidField(res: Response, field: string): void {
    expectProblem(res, 400, 'validation');
    expect(res.body.errors).toEqual([{ field, messages: [expect.stringMatching(/NUL|surrogate/)] }]);
  }

  /** A hostile draft: refused, and the application table is as before. */
  async function postDraft(body: string | object, contentType = 'application/json'): Promise<Response> {
    const before = await applications();
    const res = await request(t.server).post('/v1/applications').set(bearer(researcher)).set('Content-Type', contentType).send(body as object);
    expect(await applications()).toBe(before);
    return res;
  }

  beforeAll(async () => {
    t = await startTestApp('hostile_input');
    researcher = await t.token({ sub: 'researcher-1', role: 'researcher', organisation: '31119103' });
  });
  beforeEach(() => {
    errorLog = jest.spyOn(Logger.prototype, 'error');
    warnLog = jest.spyOn(Logger.prototype, 'warn');
  });
  afterEach(() => {
    const [errors, warnings] = [errorLog.mock.calls, warnLog.mock.calls];
    jest.restoreAllMocks();
    expect(errors).toEqual([]);
    for (const call of warnings) expect(JSON.stringify(call)).not.toMatch(/\n\s+at |"stack"/);
  });
  afterAll(() => t.close());

  it('accepts an ordinary draft, so the refusals below are about the input alone', async () => {
    const before = await applications();
    await request(t.server).post('/v1/applications').set(bearer(researcher)).send(completeApplication()).expect(201);
    expect(await applications()).toBe(before + 1);
  });

  describe('nesting', () => {
    it('refuses 10,000 levels of nested arrays inside a field with 400', async () => {
      const res = await postDraft(`{"title":${nested('[', ']', 10_000)}}`);
      expectProblem(res, 400, 'validation');
      expect(res.body.detail).toMatch(/dybere end 32 niveauer/);
    });

    it('refuses 10,000 levels of nested objects as the whole body with 400', async () => {
      expectProblem(await postDraft(`${'{"a":'.repeat(9_999)}{}${'}'.repeat(9_999)}`), 400, 'validation');
    });

    it('takes 32 levels, the limit, as far as the ordinary validation of the field', async () => {
      const res = await postDraft(`{"title":${nested('[', ']', 31)}}`);
      expectProblem(res, 400, 'validation');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['title']);
      expect(res.body.detail).not.toMatch(/levels/);
    });
  });

  it('refuses a body over the 100 kB limit with 413', async () => {
    const res = await postDraft(completeApplication({ purpose: 'x'.repeat(150 * 1024) }));
    expectProblem(res, 413, 'payload-too-large');
    expect(res.body.detail).toMatch(/102400 bytes/);
  });

  it('refuses headers over Node’s 16 KiB limit (a huge Idempotency-Key, a huge path) with 431 problem+json, not a bare status line', async () => {
    const before = await applications();
    const hugeKey = await request(t.server).post('/v1/applications').set(bearer(researcher)).set('Idempotency-Key', 'k'.repeat(20 * 1024)).send(completeApplication());
    expectProblem(hugeKey, 431, 'headers-too-large');
    expect(hugeKey.body.detail).toMatch(/16384 bytes/);
    expect(hugeKey.headers['cache-control']).toBe('no-store');
    const hugePath = await request(t.server).get(`/v1/applications/${'å'.repeat(5000)}`).set(bearer(researcher));
    expectProblem(hugePath, 431, 'headers-too-large');
    expect(await applications()).toBe(before);
    // The server goes on answering.
    await request(t.server).get('/v1/applications').set(bearer(researcher)).expect(200);
  });

  it('refuses a body in an unsupported charset with 415', async () => {
    expectProblem(await postDraft('{"title":"x"}', 'application/json; charset=ebcdic'), 415);
  });

  describe('pagination cursors', () => {
    it.each([
      ['year 0000', '0000-01-01T00:00:00.000000Z'],
      ['before 1970', '1969-12-31T23:59:59.999999Z'],
    ])('refuses a hand-made cursor from %s with 400 bad-cursor', async (_, key) => {
      expectProblem(await request(t.server).get('/v1/applications').query({ cursor: forgedCursor(key) }).set(bearer(researcher)), 400, 'bad-cursor');
      expectProblem(await request(t.server).get('/v1/public/applications').query({ cursor: forgedCursor(key) }), 400, 'bad-cursor');
    });
  });

  describe('NUL and lone surrogates', () => {
    it.each([
      ['NUL', 'Stroke\u0000outcomes'],
      ['a lone high surrogate', 'Stroke \ud800 outcomes'],
      ['a lone low surrogate', '\udc00'],
    ])('refuses %s in a body field with 400 naming the field', async (_, text) => {
      expectInvalidField(await postDraft(completeApplication({ title: text })), 'title');
    });

    it('names a nested field by its JSON path', async () => {
      const content = completeApplication();
      const [first] = content.dataRequests as Record<string, unknown>[];
      expectInvalidField(await postDraft({ ...content, dataRequests: [{ ...first, population: 'adults\u0000' }] }), 'dataRequests[0].population');
      const applicant = content.applicant as Record<string, unknown>;
      expectInvalidField(await postDraft({ ...content, applicant: { ...applicant, name: '\ud83d' } }), 'applicant.name');
    });

    it('refuses NUL in a field name', async () => {
      expectProblem(await postDraft('{"tit\\u0000le":"x"}'), 400, 'validation');
    });

    it('refuses NUL in a query value with 400 naming the parameter', async () => {
      expectInvalidField(await request(t.server).get('/v1/applications?cursor=abc%00').set(bearer(researcher)), 'cursor');
      expectInvalidField(await request(t.server).get('/v1/public/applications?cursor=%00'), 'cursor');
    });

    it('refuses NUL in a path parameter with 400 naming the parameter', async () => {
      expectInvalidField(await request(t.server).get('/v1/applications/%00').set(bearer(researcher)), 'id');
      expectInvalidField(await request(t.server).get('/v1/cases/EK-2026-%00').set(bearer(researcher)), 'id');
    });

    it('refuses a lone surrogate in a path or query value, which no UTF-8 percent-encoding can carry, with 400', async () => {
      // %ED%A0%80 would be U+D800 in (invalid) UTF-8: the path decoder refuses it, the query decoder makes it U+FFFD.
      expectProblem(await request(t.server).get('/v1/applications/%ED%A0%80').set(bearer(researcher)), 400);
      expectProblem(await request(t.server).get('/v1/public/applications?cursor=%ED%A0%80'), 400, 'bad-cursor');
    });
  });
});
