import { DEFAULT_RATE_LIMITS } from '@kp/config';
import request, { Response } from 'supertest';
import { startTestApp, TestApp } from '../support/app';
import { bearer } from '../support/applications';

/**
 * Rate limits (issue 13, finding 5) under the production defaults — the one suite that runs
 * without the raised limits of test/support/app.ts: per address, stricter on public routes, per
 * token subject wherever it comes from, and 401s counted against the address until it is blocked.
 * Every refusal is a 429 problem+json with Retry-After. TRUST_PROXY=loopback lets the test speak
 * from many addresses through X-Forwarded-For, as clients behind the production proxy do.
 * The store follows REDIS_URL exactly as in production (memory without it). The counts are the
 * defaults; the window is stretched to ten minutes, so that hits cannot expire in the middle of a
 * scenario on a slow machine (a longer window only makes each limit stricter).
 */
const limits = { ...DEFAULT_RATE_LIMITS, windowS: 600 };

describe('rate limits hold under the production defaults (e2e)', () => {
  let t: TestApp;
  let address = 0;
  /** A fresh client address (TEST-NET-3, RFC 5737) per scenario, so the scenarios share no bucket. */
  const nextAddress = () => `203.0.113.${++address}`;
  // The client's address (behind the trusted proxy), and English problem texts, which the expectations below quote.
  const from = (ip: string) => ({ 'X-Forwarded-For': ip, 'Accept-Language': 'en' });
  const researcher = (sub: string) => t.token({ sub, role: 'researcher', organisation: '31119103' });

  function expectRateLimited(res: Response, detail: RegExp, maxRetryAfter: number): void {
    expect({ status: res.status, type: res.body.type }).toEqual({ status: 429, type: 'https://kontaktpunkt.dk/docs/problems/rate-limited' });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ title: 'Too many requests', status: 429, detail: expect.stringMatching(detail) });
    const retryAfter = Number(res.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= maxRetryAfter).toBe(true);
    expect(res.body.retryAfter).toBe(retryAfter);
    expect(res.headers['cache-control']).toBe('no-store');
  }

  /** `count` sequential requests; every one must get `status`. */
  async function send(count: number, make: () => request.Test, status: number): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      const res = await make();
      if (res.status !== status) throw new Error(`request ${i + 1} of ${count} got ${res.status}, not ${status}: ${JSON.stringify(res.body)}`);
    }
  }

  beforeAll(async () => {
    const env = Object.fromEntries(
      Object.entries({
        RATE_LIMIT_WINDOW_S: limits.windowS,
        RATE_LIMIT_PER_IP: limits.perIp,
        RATE_LIMIT_PUBLIC_PER_IP: limits.publicPerIp,
        RATE_LIMIT_PER_TOKEN: limits.perToken,
        RATE_LIMIT_AUTH_FAILURES_PER_IP: limits.authFailuresPerIp,
        RATE_LIMIT_AUTH_BLOCK_S: limits.authBlockS,
      }).map(([name, value]) => [name, String(value)]),
    );
    t = await startTestApp('rate_limits', { env: { ...env, TRUST_PROXY: 'loopback' } });
  });
  afterAll(() => t.close());

  it('runs with the production default counts, not the raised test limits', () => {
    expect(DEFAULT_RATE_LIMITS).toEqual({ windowS: 60, perIp: 600, publicPerIp: 60, perToken: 300, authFailuresPerIp: 10, authBlockS: 300 });
    expect(limits).toEqual({ ...DEFAULT_RATE_LIMITS, windowS: 600 });
  });

  it('refuses an address its 61st request to public routes in a minute, across routes, and serves another address', async () => {
    const ip = nextAddress();
    await send(limits.publicPerIp, () => request(t.server).get('/health').set(from(ip)), 200);
    expectRateLimited(await request(t.server).get('/v1/data-sources').set(from(ip)), /public routes/, limits.windowS);
    await request(t.server).get('/v1/data-sources').set(from(nextAddress())).expect(200);
  });

  it('keeps the public limit apart from signed-in work: the same address is still served with a token', async () => {
    const ip = nextAddress();
    await send(limits.publicPerIp, () => request(t.server).get('/health').set(from(ip)), 200);
    await request(t.server).get('/health').set(from(ip)).expect(429);
    await request(t.server).get('/v1/me').set(from(ip)).set(bearer(await researcher('public-then-token'))).expect(200);
  });

  it('refuses a token subject its 301st request in a minute from any address, and serves another subject from the same address', async () => {
    const [ip, elsewhere] = [nextAddress(), nextAddress()];
    const busy = await researcher('busy-researcher');
    await send(limits.perToken, () => request(t.server).get('/v1/me').set(from(ip)).set(bearer(busy)), 200);
    expectRateLimited(await request(t.server).get('/v1/me').set(from(ip)).set(bearer(busy)), /your sign-in/, limits.windowS);
    // A fresh token for the same subject from another address is the same bucket.
    expectRateLimited(await request(t.server).get('/v1/me').set(from(elsewhere)).set(bearer(await researcher('busy-researcher'))), /your sign-in/, limits.windowS);
    await request(t.server).get('/v1/me').set(from(ip)).set(bearer(await researcher('calm-researcher'))).expect(200);
  });

  it('refuses an address its 601st request in a minute whatever tokens it uses, and serves another address', async () => {
    const ip = nextAddress();
    const perSubject = limits.perIp / 3;
    for (const sub of ['nat-1', 'nat-2', 'nat-3']) {
      const token = await researcher(sub);
      await send(perSubject, () => request(t.server).get('/v1/me').set(from(ip)).set(bearer(token)), 200);
    }
    const fresh = await researcher('nat-4');
    expectRateLimited(await request(t.server).get('/v1/me').set(from(ip)).set(bearer(fresh)), /network address/, limits.windowS);
    // Before routing: unknown paths and the docs are refused too.
    expect((await request(t.server).get('/no-such-route').set(from(ip))).status).toBe(429);
    await request(t.server).get('/v1/me').set(from(nextAddress())).set(bearer(fresh)).expect(200);
  });

  it('blocks an address after 10 rejected or missing tokens, even for a valid token then, for the block time; another address is served', async () => {
    const ip = nextAddress();
    const forged = `${(await researcher('victim')).slice(0, -4)}AAAA`;
    await send(limits.authFailuresPerIp / 2, () => request(t.server).get('/v1/me').set(from(ip)).set(bearer(forged)), 401);
    await send(limits.authFailuresPerIp / 2, () => request(t.server).get('/v1/me').set(from(ip)), 401);
    const valid = await researcher('honest-researcher');
    const refused = await request(t.server).get('/v1/me').set(from(ip)).set(bearer(valid));
    expectRateLimited(refused, /missing or rejected bearer token/, limits.authBlockS);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(limits.authBlockS - 60);
    expect((await request(t.server).get('/v1/data-sources').set(from(ip))).status).toBe(429);
    await request(t.server).get('/v1/me').set(from(nextAddress())).set(bearer(valid)).expect(200);
  });

  it('counts only the 401s: after nine failures valid requests are served, and the tenth failure blocks', async () => {
    const ip = nextAddress();
    const valid = await researcher('typo-researcher');
    await send(limits.authFailuresPerIp - 1, () => request(t.server).get('/v1/me').set(from(ip)).set(bearer('not-a-jwt')), 401);
    await send(20, () => request(t.server).get('/v1/me').set(from(ip)).set(bearer(valid)), 200);
    await request(t.server).get('/v1/me').set(from(ip)).set(bearer('not-a-jwt')).expect(401);
    expectRateLimited(await request(t.server).get('/v1/me').set(from(ip)).set(bearer(valid)), /missing or rejected bearer token/, limits.authBlockS);
  });
});
