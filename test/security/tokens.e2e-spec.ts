import { LOCAL_AUDIENCE, LOCAL_ISSUER, TOKEN_REJECTED } from '@kp/auth';
import { Logger } from '@nestjs/common';
import { exportJWK, exportSPKI, generateKeyPair, importJWK, JWK, JWTPayload, KeyLike, SignJWT } from 'jose';
import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/app';
import { bearer, completeApplication } from '../support/applications';

/**
 * Strict tokens (issue 13, finding 3), in both verification modes: the local development issuer
 * and an OIDC provider's JWKS. Every forged, incomplete or badly timed token gets the same 401
 * problem, whichever check caught it (the reason goes to the log for operators), and writes nothing.
 * Defaults under test: TOKEN_MAX_LIFETIME_S 3600, TOKEN_CLOCK_TOLERANCE_S 5.
 */
const MAX_LIFETIME_S = 3600;

/** What a mode's legitimate issuer signs with, and how its tokens look. */
interface Issuer {
  key: KeyLike | Uint8Array;
  publicKey: KeyLike;
  publicJwk: JWK;
  alg: string;
  kid: string;
  iss: string;
  aud: string;
}

interface Forgery {
  claims?: JWTPayload;
  /** Claims to leave out of the otherwise complete token. */
  omit?: string[];
  header?: Record<string, unknown>;
  key?: KeyLike | Uint8Array;
  /** Seconds from now. */
  iat?: number;
  exp?: number;
}

const nowS = () => Math.floor(Date.now() / 1000);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A server for keys: the OIDC provider's JWKS at /jwks, and an attacker's at /attacker-jwks (never to be fetched). */
class KeyServer {
  readonly fetched: Record<string, number> = {};
  private readonly documents: Record<string, string> = {};
  private server?: Server;
  url = '';

  publish(path: string, jwks: { keys: JWK[] }): void {
    this.documents[path] = JSON.stringify(jwks);
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const document = this.documents[req.url ?? ''];
      this.fetched[req.url ?? ''] = (this.fetched[req.url ?? ''] ?? 0) + 1;
      if (!document) return void res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(document);
    });
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', ok));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((ok) => this.server?.close(ok));
  }
}

function describeStrictTokens(mode: string, setUp: (keys: KeyServer) => Promise<{ app: TestApp; issuer: Issuer }>): void {
  describe(`strict bearer tokens: ${mode} (e2e)`, () => {
    const keys = new KeyServer();
    let t: TestApp;
    let issuer: Issuer;
    let attacker: { privateKey: KeyLike; publicJwk: JWK };

    /** A complete, valid researcher token unless the forgery changes something. */
    async function token(forgery: Forgery = {}): Promise<string> {
      const now = nowS();
      const payload: JWTPayload = {
        iss: issuer.iss,
        aud: issuer.aud,
        sub: 'researcher-1',
        iat: now + (forgery.iat ?? 0),
        exp: now + (forgery.exp ?? 600),
        kp_role: 'researcher',
        kp_org: '31119103',
        ...forgery.claims,
      };
      for (const claim of forgery.omit ?? []) delete payload[claim];
      return new SignJWT(payload).setProtectedHeader({ alg: issuer.alg, kid: issuer.kid, ...forgery.header }).sign(forgery.key ?? issuer.key);
    }

    const applications = async (): Promise<number> => (await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM application'))[0].n;

    /** The `sub` the token claims (a string), or null: what the refusal's log line must name. */
    function subClaimed(jwt: string): string | null {
      try {
        const sub = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')).sub;
        return typeof sub === 'string' ? sub : null;
      } catch {
        return null;
      }
    }

    /** Tries to write a draft with the token: 401, the one detail, the reason and the claimed sub logged at info, nothing written. */
    async function expectRefused(forgedToken: string | Promise<string>, reason: RegExp): Promise<void> {
      const forged = await forgedToken;
      const before = await applications();
      const info = jest.spyOn(Logger.prototype, 'log');
      const error = jest.spyOn(Logger.prototype, 'error');
      const res = await request(t.server).post('/v1/applications').set(bearer(forged)).set('Accept-Language', 'en').send(completeApplication());
      const [infoCalls, errorCalls] = [info.mock.calls, error.mock.calls];
      jest.restoreAllMocks();
      expect({ status: res.status, detail: res.body.detail }).toEqual({ status: 401, detail: TOKEN_REJECTED });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ type: 'https://kontaktpunkt.dk/docs/problems/unauthenticated', status: 401 });
      expect(infoCalls).toContainEqual([{ reason: expect.stringMatching(reason), sub: subClaimed(forged) }, 'bearer token rejected']);
      expect(errorCalls).toEqual([]);
      expect(await applications()).toBe(before);
    }

    beforeAll(async () => {
      const pair = await generateKeyPair('ES256');
      attacker = { privateKey: pair.privateKey, publicJwk: { ...(await exportJWK(pair.publicKey)), kid: 'attacker-1', alg: 'ES256' } };
      keys.publish('/attacker-jwks', { keys: [attacker.publicJwk] });
      await keys.start();
      ({ app: t, issuer } = await setUp(keys));
    });
    afterAll(async () => {
      await t?.close();
      await keys.stop();
    });

    it('accepts a complete token, so each refusal below is about the one thing changed', async () => {
      await request(t.server).post('/v1/applications').set(bearer(await token())).send(completeApplication()).expect(201);
    });

    it('accepts a lifetime of exactly TOKEN_MAX_LIFETIME_S and clock skew within TOKEN_CLOCK_TOLERANCE_S', async () => {
      await request(t.server).get('/v1/me').set(bearer(await token({ exp: MAX_LIFETIME_S }))).expect(200);
      await request(t.server).get('/v1/me').set(bearer(await token({ iat: 2, exp: 60 }))).expect(200);
      await request(t.server).get('/v1/me').set(bearer(await token({ iat: -60, exp: -2 }))).expect(200);
    });

    describe('refuses a request without a bearer token', () => {
      it.each([
        ['no Authorization header', undefined],
        ['an empty Bearer', 'Bearer '],
        ['another scheme', 'Basic cmVzZWFyY2hlci0xOnNlY3JldA=='],
        ['two tokens', 'Bearer a.b.c d.e.f'],
      ])('%s', async (_, header) => {
        const before = await applications();
        const req = request(t.server).post('/v1/applications').set('Accept-Language', 'en');
        if (header !== undefined) req.set('Authorization', header);
        const res = await req.send(completeApplication());
        expect(res.status).toBe(401);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body).toMatchObject({ type: 'https://kontaktpunkt.dk/docs/problems/unauthenticated', status: 401 });
        expect(await applications()).toBe(before);
      });
    });

    describe('refuses incomplete claims', () => {
      it.each(['exp', 'iat', 'sub'])('without %s', async (claim) => {
        await expectRefused(token({ omit: [claim] }), new RegExp(`"${claim}" claim|lacks`));
      });

      it.each([
        ['a numeric sub', 42],
        ['an empty sub', ''],
        ['an object as sub', { id: 'researcher-1' }],
        ['a sub with NUL', 'researcher-1\u0000'],
      ])('with %s', async (_, sub) => {
        await expectRefused(token({ claims: { sub: sub as string } }), /sub/);
      });

      it('with a role the API does not know', async () => {
        await expectRefused(token({ claims: { kp_role: 'superuser' } }), /kp_role/);
      });
    });

    describe('refuses bad times', () => {
      it('iat in the future beyond the tolerance', async () => {
        await expectRefused(token({ iat: 60, exp: 600 }), /"iat".*in the past/);
      });

      it('a lifetime over TOKEN_MAX_LIFETIME_S, though exp is near', async () => {
        await expectRefused(token({ iat: -MAX_LIFETIME_S, exp: 60 }), /lifetime of 3660 s exceeds/);
      });

      it('a lifetime over TOKEN_MAX_LIFETIME_S from now', async () => {
        await expectRefused(token({ exp: MAX_LIFETIME_S + 60 }), /lifetime of 3660 s exceeds/);
      });

      it('expired beyond the tolerance', async () => {
        await expectRefused(token({ iat: -600, exp: -10 }), /"exp"/);
      });

      it('not yet valid (nbf) beyond the tolerance', async () => {
        await expectRefused(token({ claims: { nbf: nowS() + 60 } }), /"nbf"/);
      });
    });

    describe('refuses the wrong issuer or audience', () => {
      it('another issuer', async () => {
        await expectRefused(token({ claims: { iss: 'https://evil.test' } }), /"iss"/);
      });

      it('another audience', async () => {
        await expectRefused(token({ claims: { aud: 'some-other-api' } }), /"aud"/);
      });
    });

    describe('refuses forged signatures and keys', () => {
      it('alg none, unsigned', async () => {
        const valid = await token();
        const payload = valid.split('.')[1];
        await expectRefused(`${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`, /alg|Unsupported|not allowed/i);
      });

      it('HS256 signed with the public key as the HMAC secret (PEM and JWK)', async () => {
        const pem = new TextEncoder().encode(await exportSPKI(issuer.publicKey));
        await expectRefused(token({ header: { alg: 'HS256' }, key: pem }), /alg.*not allowed/);
        const jwk = new TextEncoder().encode(JSON.stringify(issuer.publicJwk));
        await expectRefused(token({ header: { alg: 'HS256' }, key: jwk }), /alg.*not allowed/);
      });

      it('an unknown kid', async () => {
        await expectRefused(token({ header: { alg: 'ES256', kid: 'attacker-1' }, key: attacker.privateKey }), /no applicable key|not allowed/);
      });

      it("another key under the issuer's kid", async () => {
        const other = await generateKeyPair(issuer.alg);
        await expectRefused(token({ key: other.privateKey }), /signature/);
      });

      it('a key embedded in the header (jwk)', async () => {
        await expectRefused(token({ header: { alg: 'ES256', kid: 'attacker-1', jwk: attacker.publicJwk }, key: attacker.privateKey }), /jwk header/);
        await expectRefused(token({ header: { alg: 'ES256', jwk: attacker.publicJwk }, key: attacker.privateKey }), /jwk header/);
      });

      it('a key set named by URL in the header (jku), which is never fetched', async () => {
        const jku = `${keys.url}/attacker-jwks`;
        await expectRefused(token({ header: { alg: 'ES256', kid: 'attacker-1', jku }, key: attacker.privateKey }), /jku header/);
        expect(keys.fetched['/attacker-jwks']).toBeUndefined();
      });

      it('a tampered payload under a valid signature', async () => {
        const [header, payload, signature] = (await token()).split('.');
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
        await expectRefused(`${header}.${b64({ ...claims, kp_role: 'admin' })}.${signature}`, /signature/);
        await expectRefused(`${header}.${b64({ ...claims, exp: claims.exp + 60 })}.${signature}`, /signature/);
      });

      it('malformed tokens', async () => {
        await expectRefused('not-a-token', /Invalid Compact JWS|JWS/);
        await expectRefused(`${b64({ alg: issuer.alg })}.e30.`, /JWS|signature/);
      });
    });
  });
}

describeStrictTokens('local development issuer', async () => {
  const app = await startTestApp('tokens_local');
  const stored = JSON.parse(readFileSync(join(app.dataDir, 'local-issuer-key.json'), 'utf8')) as { private: JWK; public: JWK };
  const issuer: Issuer = {
    key: await importJWK(stored.private, 'ES256'),
    publicKey: (await importJWK(stored.public, 'ES256')) as KeyLike,
    publicJwk: stored.public,
    alg: 'ES256',
    kid: stored.public.kid!,
    iss: LOCAL_ISSUER,
    aud: LOCAL_AUDIENCE,
  };
  return { app, issuer };
});

describeStrictTokens('OIDC provider JWKS', async (keys) => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const publicJwk = { ...(await exportJWK(publicKey)), kid: 'idp-2026-1', alg: 'RS256', use: 'sig' };
  keys.publish('/jwks', { keys: [publicJwk] });
  const issuer: Issuer = { key: privateKey, publicKey, publicJwk, alg: 'RS256', kid: 'idp-2026-1', iss: 'https://idp.test', aud: 'kontaktpunkt-api' };
  const app = await startTestApp('tokens_oidc', { env: { OIDC_ISSUER: issuer.iss, OIDC_AUDIENCE: issuer.aud, OIDC_JWKS_URL: `${keys.url}/jwks` } });
  return { app, issuer };
});
