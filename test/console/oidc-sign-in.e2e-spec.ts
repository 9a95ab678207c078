import { createHash, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import { Browser, Page } from 'playwright-core';
import { startTestApp, TestApp } from '../support/app';
import { launchChromium, missingForBrowser, seriousAccessibilityViolations, WEB_DIR } from './browser';

/**
 * Sign-in at an OIDC provider from the console in Chromium (issue 12): the API trusts the provider
 * (OIDC_ISSUER, OIDC_AUDIENCE, OIDC_JWKS_URL, as in test/oidc.e2e-spec.ts) and names the console's
 * public client (OIDC_CONSOLE_CLIENT_ID). The provider is a small HTTP server in this test that
 * speaks the parts of OpenID Connect the flow uses — discovery, authorize, token (code with PKCE
 * S256, refresh), JWKS — and signs a caseworker in without asking, as a provider with a session would.
 */
const AUDIENCE = 'kontaktpunkt-api';
const CLIENT_ID = 'kp-console';
const KID = 'idp-console-1';
/** Short enough that oidc-client-ts renews within the test (it renews 60 s before expiry). */
const ACCESS_TOKEN_S = 65;

interface PendingCode {
  challenge: string;
  redirectUri: string;
  nonce?: string;
}

class TestProvider {
  server!: Server;
  issuer = '';
  private key!: KeyLike;
  private jwks = '';
  readonly codes = new Map<string, PendingCode>();
  readonly grants: { grant: string; verified: boolean }[] = [];
  readonly accessTokens: string[] = [];

  async start(): Promise<void> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    this.key = privateKey;
    this.jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: KID, alg: 'RS256', use: 'sig' }] });
    this.server = createServer((req, res) => void this.handle(req, res).catch((error) => res.writeHead(500).end(String(error))));
    await new Promise<void>((ok) => this.server.listen(0, '127.0.0.1', ok));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((ok) => this.server.close(ok));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // The console fetches discovery and the token endpoint from its own origin: CORS, as real providers allow for public clients.
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const url = new URL(req.url ?? '/', this.issuer);
    const json = (status: number, body: unknown): void => void res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer: this.issuer,
        authorization_endpoint: `${this.issuer}/authorize`,
        token_endpoint: `${this.issuer}/token`,
        jwks_uri: `${this.issuer}/jwks`,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (url.pathname === '/jwks') return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(this.jwks);
    if (url.pathname === '/authorize') {
      const q = url.searchParams;
      if (q.get('response_type') !== 'code' || q.get('client_id') !== CLIENT_ID || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) {
        return json(400, { error: 'invalid_request' });
      }
      const code = randomBytes(16).toString('hex');
      this.codes.set(code, { challenge: q.get('code_challenge')!, redirectUri: q.get('redirect_uri')!, nonce: q.get('nonce') ?? undefined });
      const back = new URL(q.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state')!);
      return void res.writeHead(302, { Location: back.toString() }).end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const form = new URLSearchParams(raw);
      const grant = form.get('grant_type') ?? '';
      if (grant === 'authorization_code') {
        const pending = this.codes.get(form.get('code') ?? '');
        this.codes.delete(form.get('code') ?? '');
        const verified = Boolean(pending) && createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url') === pending!.challenge && form.get('redirect_uri') === pending!.redirectUri;
        this.grants.push({ grant, verified });
        if (!verified) return json(400, { error: 'invalid_grant' });
        return json(200, await this.tokens(pending!.nonce));
      }
      if (grant === 'refresh_token' && form.get('refresh_token') === 'refresh-1') {
        this.grants.push({ grant, verified: true });
        return json(200, await this.tokens());
      }
      this.grants.push({ grant, verified: false });
      return json(400, { error: 'invalid_grant' });
    }
    return json(404, { error: 'not_found' });
  }

  private async tokens(nonce?: string) {
    const sign = (claims: Record<string, unknown>, audience: string) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: KID }).setSubject('idp|caseworker-17').setIssuer(this.issuer).setAudience(audience).setIssuedAt().setExpirationTime(`${ACCESS_TOKEN_S}s`).sign(this.key);
    // The claim names are the contract with the provider's mapper (libs/auth/src/claims.ts).
    const accessToken = await sign({ kp_role: 'caseworker', kp_org: '33257872', name: 'Karen Holm', jti: randomBytes(8).toString('hex') }, AUDIENCE);
    this.accessTokens.push(accessToken);
    return {
      access_token: accessToken,
      id_token: await sign({ name: 'Karen Holm', ...(nonce ? { nonce } : {}) }, CLIENT_ID),
      refresh_token: 'refresh-1',
      token_type: 'Bearer',
      expires_in: ACCESS_TOKEN_S,
      scope: 'openid profile email',
    };
  }
}

/** Waits until `condition` holds, checking every 200 ms; fails naming `what` after `timeoutMs`. */
async function until(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

const missing = missingForBrowser('OIDC sign-in');

(missing.length === 0 ? describe : describe.skip)('the console signs in at the OIDC provider with PKCE (e2e, Chromium)', () => {
  const provider = new TestProvider();
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let origin: string;
  const bearers: string[] = [];

  beforeAll(async () => {
    await provider.start();
    t = await startTestApp('console_oidc', {
      env: { WEB_DIR, OIDC_ISSUER: provider.issuer, OIDC_AUDIENCE: AUDIENCE, OIDC_JWKS_URL: `${provider.issuer}/jwks`, OIDC_CONSOLE_CLIENT_ID: CLIENT_ID },
    });
    await t.app.listen(0, '127.0.0.1');
    origin = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'da-DK' })).newPage();
    page.on('request', (request) => {
      const authorization = request.headers().authorization;
      if (request.url().startsWith(`${origin}/v1/`) && authorization) bearers.push(authorization.replace(/^Bearer /, ''));
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await provider.stop();
    for (const name of ['OIDC_ISSUER', 'OIDC_AUDIENCE', 'OIDC_JWKS_URL', 'OIDC_CONSOLE_CLIENT_ID']) delete process.env[name];
  });

  it('signs in by code and verifier, keeps the tokens out of URLs and storage, lands on the queues and renews the token', async () => {
    await page.goto(`${origin}/`);
    await page.getByRole('heading', { name: 'Log ind' }).waitFor();
    expect(await page.getByRole('button', { name: /Log ind som/ }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Log ind hos identitetsudbyderen' }).click();

    // Back from the provider: the caseworker's queue, under the name the provider's token carries.
    await page.getByRole('heading', { level: 1, name: 'Køer' }).waitFor();
    await page.getByText('Karen Holm', { exact: false }).first().waitFor();
    expect(provider.grants[0]).toEqual({ grant: 'authorization_code', verified: true });
    expect(new URL(page.url()).pathname).toBe('/queues/central');
    expect(page.url()).not.toMatch(/code=|state=|token/);
    // What the page left in web storage (the page's own globals: this file is compiled without the DOM library).
    const stored = await page.evaluate(() => {
      const { localStorage, sessionStorage } = globalThis as unknown as Record<'localStorage' | 'sessionStorage', { length: number; key(i: number): string | null; getItem(key: string): string | null }>;
      return [localStorage, sessionStorage].flatMap((store) => Array.from({ length: store.length }, (_, i) => `${store.key(i)}=${store.getItem(store.key(i) ?? '')}`));
    });
    expect(stored.filter((entry) => provider.accessTokens.some((token) => entry.includes(token)) || entry.includes('refresh-1'))).toEqual([]);
    expect(bearers).toContain(provider.accessTokens[0]);

    // oidc-client-ts renews 60 s before expiry with the refresh token; the console then sends the new token.
    await until('a refresh-token grant', () => provider.grants.some((g) => g.grant === 'refresh_token'), 20_000);
    await page.getByRole('link', { name: 'Overblik' }).click();
    await page.getByRole('heading', { level: 1, name: /Overblik/ }).waitFor();
    await page.getByRole('link', { name: 'Køer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Køer' }).waitFor();
    await until('an API call with the renewed token', () => bearers.includes(provider.accessTokens[1]!), 10_000);

    // Sign-out forgets the tokens: the sign-in page again, and the queue sends back to it.
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByRole('heading', { name: 'Log ind' }).waitFor();
    await page.goto(`${origin}/queues/central`);
    await page.getByRole('button', { name: 'Log ind hos identitetsudbyderen' }).waitFor();
  }, 120_000);
});
