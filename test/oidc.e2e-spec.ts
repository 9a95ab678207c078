import { TOKEN_REJECTED } from '@kp/auth';
import { Logger } from '@nestjs/common';
import { exportJWK, generateKeyPair, JWTPayload, KeyLike, SignJWT } from 'jose';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer } from './support/applications';

/**
 * Production-style identity: with OIDC_ISSUER, OIDC_AUDIENCE and OIDC_JWKS_URL set, the API trusts
 * only tokens signed by a key in the provider's JWKS, for that issuer and audience. The provider
 * here is a local HTTP server publishing one RS256 key.
 */
const ISSUER = 'https://idp.test';
const AUDIENCE = 'kontaktpunkt-api';
const KID = 'idp-2026-1';

describe('OIDC token verification against the provider JWKS (e2e)', () => {
  let t: TestApp;
  let provider: Server;
  let providerKey: KeyLike;
  let jwksRequests = 0;

  /** A token as the provider would issue it; each test changes one thing from this. */
  async function providerToken(
    claims: JWTPayload = {},
    { key = providerKey, issuer = ISSUER, audience = AUDIENCE, expiresAt = '10m' as string | number } = {},
  ): Promise<string> {
    // The claim names are the contract with the provider's mapper (libs/auth/src/claims.ts).
    return new SignJWT({ kp_role: 'caseworker', kp_org: '29190925', kp_region: 'region-hovedstaden', name: 'Karen Holm', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: KID })
      .setSubject('idp|caseworker-17')
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(typeof expiresAt === 'number' ? expiresAt - 600 : undefined)
      .setExpirationTime(expiresAt)
      .sign(key);
  }

  /** 401 with the one detail for every rejected token; which check failed goes only to the log. */
  async function expectRejected(token: string, reason: RegExp): Promise<void> {
    const info = jest.spyOn(Logger.prototype, 'log');
    const res = await request(t.server).get('/v1/me').set(bearer(token)).set('Accept-Language', 'en').expect(401);
    const logged = info.mock.calls;
    info.mockRestore();
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toBe(TOKEN_REJECTED);
    expect(logged).toContainEqual([expect.objectContaining({ reason: expect.stringMatching(reason) }), 'bearer token rejected']);
  }

  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    providerKey = privateKey;
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: KID, alg: 'RS256', use: 'sig' }] });
    provider = createServer((req, res) => {
      if (req.url !== '/jwks') return void res.writeHead(404).end();
      jwksRequests += 1;
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(jwks);
    });
    await new Promise<void>((ok) => provider.listen(0, '127.0.0.1', ok));
    const { port } = provider.address() as AddressInfo;
    t = await startTestApp('oidc', { env: { OIDC_ISSUER: ISSUER, OIDC_AUDIENCE: AUDIENCE, OIDC_JWKS_URL: `http://127.0.0.1:${port}/jwks` } });
  });
  afterAll(async () => {
    await t?.close();
    provider?.closeAllConnections();
    await new Promise((ok) => provider?.close(ok));
  });

  it("accepts the provider's token and maps its claims to the actor", async () => {
    const res = await request(t.server).get('/v1/me').set(bearer(await providerToken())).expect(200);
    expect(res.body).toEqual({ sub: 'idp|caseworker-17', role: 'caseworker', organisation: '29190925', region: 'region-hovedstaden', name: 'Karen Holm' });
    expect(jwksRequests).toBeGreaterThan(0);
  });

  it('rejects a token from another issuer', async () => {
    await expectRejected(await providerToken({}, { issuer: 'https://evil.test' }), /"iss"/);
  });

  it('rejects a token for another audience', async () => {
    await expectRejected(await providerToken({}, { audience: 'some-other-api' }), /"aud"/);
  });

  it('rejects an expired token', async () => {
    await expectRejected(await providerToken({}, { expiresAt: Math.floor(Date.now() / 1000) - 120 }), /"exp"/);
  });

  it("rejects a token signed by another key under the provider's key id", async () => {
    const { privateKey } = await generateKeyPair('RS256');
    await expectRejected(await providerToken({}, { key: privateKey }), /signature/);
  });

  it('does not trust the local development issuer once OIDC is configured', async () => {
    await expectRejected(await t.token({ sub: 'admin-1', role: 'admin' }), /alg|no applicable key/);
  });

  it('rejects a role the API does not know', async () => {
    await expectRejected(await providerToken({ kp_role: 'superuser' }), /kp_role/);
  });
});
