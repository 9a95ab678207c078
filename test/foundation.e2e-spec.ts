import { Body, Controller, Post } from '@nestjs/common';
import { Public } from '@kp/auth';
import { IsEmail, IsInt, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import request from 'supertest';
import { startTestApp, TestApp } from './support/app';

class ContactDto {
  @IsEmail() email!: string;
}
class ProbeDto {
  @IsInt() @Min(1) count!: number;
  @ValidateNested() @Type(() => ContactDto) contact!: ContactDto;
}

/** A route that exists only in this test, to see the global validation pipe and filter at work. */
@Public()
@Controller('test-probe')
class ProbeController {
  @Post()
  probe(@Body() body: ProbeDto) {
    return body;
  }
}

describe('foundation (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('foundation', { extraControllers: [ProbeController] });
  });
  afterAll(() => t.close());

  it('answers liveness, readiness with the database up, and the health of the queue backend apart', async () => {
    await request(t.server).get('/health').expect(200, { status: 'ok' });
    const ready = await request(t.server).get('/health/ready').expect(200);
    expect(ready.body.details.database.status).toBe('up');
    // Readiness leaves the queue out: without it the API still accepts work into its outbox (redis-outage fault test).
    expect(ready.body.details.queue).toBeUndefined();
    const queue = await request(t.server).get('/health/queue').expect(200);
    expect(queue.body.details.queue).toMatchObject({ status: 'up', backend: expect.stringMatching(/^bullmq\/(postgresql|redis)$/) });
  });

  it('serves OpenAPI 3 with documented paths and the docs UI', async () => {
    const spec = await request(t.server).get('/openapi.json').expect(200);
    expect(spec.body.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.body.paths)).toEqual(expect.arrayContaining(['/health', '/health/ready', '/v1/me']));
    // Swagger adds an undescribed default response to any route; only an explicit decorator gives a description.
    const undocumented: string[] = [];
    for (const [path, operations] of Object.entries<Record<string, { responses: Record<string, { description?: string }> }>>(spec.body.paths)) {
      if (path === '/test-probe') continue;
      for (const [method, operation] of Object.entries(operations)) {
        const responses = Object.entries(operation.responses);
        if (responses.length === 0 || responses.some(([, r]) => !r.description)) undocumented.push(`${method.toUpperCase()} ${path}`);
        const isPublic = path.startsWith('/v1/public') || path === '/v1/data-sources' || path === '/v1/data-sources/{id}';
        if (path.startsWith('/v1/') && !isPublic && !responses.some(([code]) => code === '401')) undocumented.push(`${method.toUpperCase()} ${path} (401)`);
      }
    }
    expect(undocumented).toEqual([]);
    await request(t.server).get('/docs/').expect(200).expect('Content-Type', /html/);
  });

  it('answers an unknown route with problem+json 404 and echoes the request id', async () => {
    const res = await request(t.server).get('/v1/nowhere').set('X-Request-Id', 'trace-123').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['x-request-id']).toBe('trace-123');
    expect(res.body).toMatchObject({ status: 404, type: expect.stringContaining('/problems/not-found'), requestId: 'trace-123' });
  });

  it('lists each invalid field, nested ones by path, and rejects unknown fields', async () => {
    const res = await request(t.server).post('/test-probe').send({ count: 0, contact: { email: 'nope' }, extra: 1 }).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toContain('/problems/validation');
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['contact.email', 'count', 'extra']);
  });

  it('answers malformed JSON with a problem, not a stack trace', async () => {
    const res = await request(t.server).post('/test-probe').set('Content-Type', 'application/json').send('{"count": ').expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, type: expect.stringContaining('/problems/bad-request'), detail: expect.stringContaining('JSON') });
  });

  it('refuses a request without a token and with a bad token (401)', async () => {
    const none = await request(t.server).get('/v1/me').expect(401);
    expect(none.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(none.body.detail).toContain('bearer-token');
    await request(t.server).get('/v1/me').set('Authorization', 'Bearer not.a.jwt').expect(401);
    const foreign = await t.token({ sub: 'x', role: 'admin' });
    const tampered = foreign.slice(0, -4) + (foreign.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await request(t.server).get('/v1/me').set('Authorization', `Bearer ${tampered}`).expect(401);
  });

  it('accepts a token printed by the token CLI', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [require.resolve('ts-node/dist/bin'), '-r', 'tsconfig-paths/register', '--transpile-only', 'scripts/token.ts', '--role', 'caseworker', '--sub', 'cw-1', '--org', '33257872'],
      { env: { ...process.env, DATA_DIR: t.dataDir } },
    );
    const res = await request(t.server).get('/v1/me').set('Authorization', `Bearer ${stdout.trim()}`).expect(200);
    expect(res.body).toEqual({ sub: 'cw-1', role: 'caseworker', organisation: '33257872' });
  });
});
