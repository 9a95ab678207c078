import { PUBLIC_KEY } from '@kp/auth';
import { CONTENT_SECURITY_POLICY } from '@kp/http';
import { HEADERS_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import request, { Response } from 'supertest';
import { startTestApp, TestApp } from '../support/app';
import { bearer } from '../support/applications';

/**
 * Response headers (issue 13, finding 4): helmet's protections on every answer, errors and
 * unknown paths included; `Cache-Control: no-store` on everything but the public register, the
 * catalogue and the API description; CORS only for configured origins; HSTS where configured.
 * The CSP in a browser: browser-csp.e2e-spec.ts.
 */
function expectProtected(res: Response): void {
  expect(res.headers).toMatchObject({
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  });
  const csp = res.headers['content-security-policy'];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("default-src 'self'");
  expect(res.headers['x-powered-by']).toBeUndefined();
}

describe('security headers, caching and CORS under the default configuration (e2e)', () => {
  let t: TestApp;
  let researcher: string;

  beforeAll(async () => {
    t = await startTestApp('headers');
    researcher = await t.token({ sub: 'researcher-1', role: 'researcher', organisation: '31119103' });
  });
  afterAll(() => t.close());

  it.each([
    ['an answer with case data', () => request(t.server).get('/v1/applications').set(bearer(researcher)), 200],
    ['a 401 problem', () => request(t.server).get('/v1/me'), 401],
    ['a 404 problem for an unknown path', () => request(t.server).get('/v1/no-such-thing').set(bearer(researcher)), 404],
    ['a 400 problem on a public route', () => request(t.server).get('/v1/public/applications?cursor=forged'), 400],
    ['the readiness check', () => request(t.server).get('/health/ready'), 200],
  ])('protects and forbids storing %s', async (_, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    expectProtected(res);
    expect(res.headers['cache-control']).toMatch(/^(no-store|no-cache, no-store, must-revalidate)$/);
  });

  it.each(['/v1/data-sources', '/v1/data-sources/lmdb', '/v1/public/applications', '/v1/public/decisions'])(
    'lets browsers and proxies keep the public %s for a minute',
    async (path) => {
      const res = await request(t.server).get(path);
      expect(res.status).toBe(200);
      expectProtected(res);
      expect(res.headers['cache-control']).toBe('public, max-age=60');
    },
  );

  it('lets the API description be kept for five minutes, and Swagger UI load its own styles', async () => {
    for (const path of ['/openapi.json', '/docs', '/docs/swagger-ui-init.js']) {
      const res = await request(t.server).get(path);
      expect({ path, status: res.status, cacheControl: res.headers['cache-control'] }).toEqual({ path, status: 200, cacheControl: 'public, max-age=300' });
      expectProtected(res);
    }
    expect((await request(t.server).get('/docs')).headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect((await request(t.server).get('/v1/data-sources')).headers['content-security-policy']).toContain("style-src 'self';");
  });

  it('marks only public routes as cacheable', () => {
    const cacheable: string[] = [];
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const { metatype } of module.controllers.values()) {
        const controller = metatype as (new () => object) | undefined;
        if (!controller) continue;
        for (const name of Object.getOwnPropertyNames(controller.prototype)) {
          const handler = (controller.prototype as Record<string, unknown>)[name];
          if (typeof handler !== 'function') continue;
          const headers: { name: string; value: string }[] = Reflect.getMetadata(HEADERS_METADATA, handler) ?? [];
          if (!headers.some((h) => h.name.toLowerCase() === 'cache-control' && !/\bno-store\b/.test(h.value))) continue;
          const isPublic = Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, controller);
          cacheable.push(`${controller.name}.${name}${isPublic ? '' : ' (NOT PUBLIC)'}`);
        }
      }
    }
    expect(cacheable.sort()).toEqual(['DataSourcesController.get', 'DataSourcesController.list', 'PublicDecisionsController.list', 'PublicRegisterController.list']);
  });

  it('sends no CORS headers and no HSTS when none are configured', async () => {
    const res = await request(t.server).get('/v1/data-sources').set('Origin', 'https://console.example.dk');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    const preflight = await request(t.server).options('/v1/me').set('Origin', 'https://console.example.dk').set('Access-Control-Request-Method', 'GET');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('keeps the policy in one place: every directive of CONTENT_SECURITY_POLICY is sent', async () => {
    const csp = (await request(t.server).get('/v1/data-sources')).headers['content-security-policy'];
    for (const [directive, values] of Object.entries(CONTENT_SECURITY_POLICY)) expect(csp).toContain(`${directive} ${values.join(' ')}`);
  });
});

describe('HSTS and a CORS allow-list when configured, as in production (e2e)', () => {
  const CONSOLE = 'https://console.example.dk';
  let t: TestApp;
  let researcher: string;

  beforeAll(async () => {
    t = await startTestApp('headers_tls', { env: { HSTS_MAX_AGE_S: '31536000', CORS_ORIGINS: `${CONSOLE},https://other.example.dk` } });
    researcher = await t.token({ sub: 'researcher-1', role: 'researcher', organisation: '31119103' });
  });
  afterAll(async () => {
    await t.close();
    for (const name of ['HSTS_MAX_AGE_S', 'CORS_ORIGINS']) delete process.env[name];
  });

  it('tells browsers to use TLS only, for a year, and to upgrade insecure subresources', async () => {
    const res = await request(t.server).get('/v1/me').set(bearer(researcher)).expect(200);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  it('answers a preflight from an allowed origin with the headers the API reads', async () => {
    const res = await request(t.server).options('/v1/applications/x').set('Origin', CONSOLE).set('Access-Control-Request-Method', 'PATCH').set('Access-Control-Request-Headers', 'authorization,content-type,if-match');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(CONSOLE);
    expect(res.headers['access-control-allow-methods']).toContain('PATCH');
    expect(res.headers['access-control-allow-headers']).toBe('Authorization,Content-Type,If-Match,Idempotency-Key,X-Request-Id');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('lets an allowed origin read the answer and its ETag, Location and Retry-After, and no other origin', async () => {
    const allowed = await request(t.server).get('/v1/me').set(bearer(researcher)).set('Origin', CONSOLE).expect(200);
    expect(allowed.headers['access-control-allow-origin']).toBe(CONSOLE);
    expect(allowed.headers['access-control-expose-headers']).toBe('ETag,Location,Idempotent-Replayed,Retry-After,X-Request-Id');
    expect(allowed.headers['vary']).toMatch(/Origin/);
    const refused = await request(t.server).get('/v1/me').set(bearer(researcher)).set('Origin', 'https://evil.example').expect(200);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await request(t.server).options('/v1/me').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'GET');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });
});
