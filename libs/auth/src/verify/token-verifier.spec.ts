import { AppConfig } from '@kp/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as jose from 'jose';
import { LocalIssuer } from '../local-issuer/local-issuer';
import { TokenRejectedError, TokenVerifier } from './token-verifier';

jest.mock('jose', () => ({ ...jest.requireActual('jose'), __esModule: true }));

describe('TokenVerifier: a verified token is remembered, never an unverified one', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kp-token-verifier-'));
  const config = { dataDir, nodeEnv: 'test', tokens: { maxLifetimeS: 3600, clockToleranceS: 5 } } as unknown as AppConfig;
  const actor = { sub: 'cw-1', role: 'caseworker' as const, organisation: '33257872' };
  let issuer: LocalIssuer;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    issuer = await LocalIssuer.open(dataDir, 'test');
  });
  beforeEach(async () => {
    verifier = new TokenVerifier(config);
    await verifier.onModuleInit();
  });
  afterEach(() => jest.useRealTimers());
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('checks the signature of a token once, then answers from memory', async () => {
    const token = await issuer.sign(actor, 600);
    const checks = jest.spyOn(jose, 'jwtVerify');
    expect(await verifier.verify(token)).toEqual(actor);
    expect(await verifier.verify(token)).toEqual(actor);
    expect(checks).toHaveBeenCalledTimes(1);
    checks.mockRestore();
  });

  it('verifies a token that differs by one byte of signature in full, and refuses it', async () => {
    const token = await issuer.sign(actor, 600);
    await verifier.verify(token);
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    await expect(verifier.verify(`${token.slice(0, -2)}${last}${token.at(-1)}`)).rejects.toThrow(TokenRejectedError);
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(JSON.stringify({ sub: 'cw-1', kp_role: 'admin' })).toString('base64url');
    await expect(verifier.verify(`${header}.${payload}.${signature}`)).rejects.toThrow(TokenRejectedError);
  });

  it('refuses a remembered token once it has expired (beyond the tolerance)', async () => {
    jest.useFakeTimers({ now: Date.now(), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const token = await issuer.sign(actor, 60);
    expect(await verifier.verify(token)).toEqual(actor);
    jest.setSystemTime(Date.now() + 66_000);
    await expect(verifier.verify(token)).rejects.toThrow(TokenRejectedError);
  });
});
