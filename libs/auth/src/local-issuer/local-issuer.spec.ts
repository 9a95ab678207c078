import { createLocalJWKSet, jwtVerify } from 'jose';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, LocalIssuer } from './local-issuer';

describe('LocalIssuer', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'kp-local-issuer-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses to run with NODE_ENV=production and leaves no signing key behind', async () => {
    await expect(LocalIssuer.open(dataDir, 'production')).rejects.toThrow(/NODE_ENV=production/);
    expect(existsSync(join(dataDir, 'local-issuer-key.json'))).toBe(false);
  });

  it('keeps its key in the data folder, so tokens survive a restart', async () => {
    const token = await (await LocalIssuer.open(dataDir, 'development')).sign({ sub: 'r-1', role: 'researcher', organisation: '31119103' });
    const reopened = await LocalIssuer.open(dataDir, 'development');
    const { payload } = await jwtVerify(token, createLocalJWKSet({ keys: [reopened.publicJwk] }), { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE });
    expect(payload).toMatchObject({ sub: 'r-1', kp_role: 'researcher', kp_org: '31119103' });
  });

  it('signs for the default maximum lifetime (TOKEN_MAX_LIFETIME_S), with iat and exp from one instant', async () => {
    const issuer = await LocalIssuer.open(dataDir, 'development');
    const { payload } = await jwtVerify(await issuer.sign({ sub: 'r-1', role: 'researcher' }), createLocalJWKSet({ keys: [issuer.publicJwk] }));
    expect(payload.exp! - payload.iat!).toBe(3600);
    const { payload: short } = await jwtVerify(await issuer.sign({ sub: 'r-1', role: 'researcher' }, 900), createLocalJWKSet({ keys: [issuer.publicJwk] }));
    expect(short.exp! - short.iat!).toBe(900);
    await expect(issuer.sign({ sub: 'r-1', role: 'researcher' }, 0)).rejects.toThrow(/positive whole number/);
  });
});
