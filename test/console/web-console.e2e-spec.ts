import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DEV_PERSONAS } from '../../apps/api/src/auth/dev-personas';
import { startTestApp, TestApp } from '../support/app';

/** A stand-in for `npm run build:web`'s output, so serving is tested without building the console. */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kp-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title><script type="module" src="/assets/app-1a2b.js"></script>');
  writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'console.log("console")');
  mkdirSync(join(dir, '.vite'));
  writeFileSync(join(dir, '.vite', 'manifest.json'), '{"index.html":{"file":"assets/app-1a2b.js","isEntry":true}}');
  return dir;
}

describe('the web console at / and the development sign-in (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('web_console', { env: { WEB_DIR: fakeBuild() } });
  });
  afterAll(() => t.close());

  it('serves the console at / and its page for any client-side route, revalidated; its hashed assets for a year', async () => {
    for (const path of ['/', '/applications/3f1c', '/queues/central']) {
      const page = await request(t.server).get(path).expect(200);
      expect(page.text).toContain('<title>console</title>');
      expect(page.headers['cache-control']).toBe('no-cache');
    }
    const asset = await request(t.server).get('/assets/app-1a2b.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('keeps the build manifest (read by the bundle-size check) to itself: a dot-folder gets the page, not the file', async () => {
    const answer = await request(t.server).get('/.vite/manifest.json').expect(200);
    expect(answer.text).toContain('<title>console</title>');
    expect(answer.text).not.toContain('isEntry');
  });

  it('leaves /v1, /docs, /openapi.json and /health to the API: an unknown API path is still a problem, not the page', async () => {
    const missing = await request(t.server).get('/v1/no-such-thing').expect(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await request(t.server).get('/openapi.json').expect(200)).body.openapi).toMatch(/^3\./);
    expect((await request(t.server).get('/docs/').expect(200)).text).toContain('swagger');
  });

  it('lists the development personas, one per role, and signs one in with a token the API accepts', async () => {
    const listed = await request(t.server).get('/v1/dev/sign-in').expect(200);
    expect(listed.body.personas.map((p: { role: string }) => p.role)).toEqual(['researcher', 'caseworker', 'legal_approver', 'advisor', 'controller', 'data_holder', 'environment_operator', 'auditor', 'admin']);
    const signedIn = await request(t.server).post('/v1/dev/sign-in').send({ sub: 'cw-1' }).expect(200);
    expect(signedIn.body.actor).toEqual(DEV_PERSONAS[1]);
    const me = await request(t.server).get('/v1/me').set('Authorization', `Bearer ${signedIn.body.token}`).expect(200);
    expect(me.body).toMatchObject({ sub: 'cw-1', role: 'caseworker', organisation: '33257872' });
  });

  it('tells the console that the local issuer signs people in', async () => {
    expect((await request(t.server).get('/v1/sign-in-method').expect(200)).body).toEqual({ method: 'local' });
  });

  it('signs in only the listed personas: another subject is a validation problem naming the field', async () => {
    const refused = await request(t.server).post('/v1/dev/sign-in').send({ sub: 'someone-else' }).expect(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['sub']);
  });
});

describe('the development sign-in with OIDC configured (e2e)', () => {
  let t: TestApp;
  const oidc = { OIDC_ISSUER: 'https://idp.example', OIDC_AUDIENCE: 'kontaktpunkt', OIDC_JWKS_URL: 'https://idp.example/jwks' };

  beforeAll(async () => {
    t = await startTestApp('web_console_oidc', { env: oidc });
  });
  afterAll(async () => {
    await t.close();
    for (const name of Object.keys(oidc)) delete process.env[name];
  });

  it('does not exist: no personas, no tokens, as if the route were not there', async () => {
    const listed = await request(t.server).get('/v1/dev/sign-in').expect(404);
    expect(listed.body.detail).toMatch(/OIDC/);
    await request(t.server).post('/v1/dev/sign-in').send({ sub: 'r-1' }).expect(404);
  });

  it('tells the console that the provider signs people in, with no console client configured', async () => {
    expect((await request(t.server).get('/v1/sign-in-method').expect(200)).body).toEqual({ method: 'oidc', authority: 'https://idp.example' });
  });
});
