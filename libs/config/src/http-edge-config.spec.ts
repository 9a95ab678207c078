import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig } from './app-config';
import { DEFAULT_RATE_LIMITS } from './http-edge-config';

const base = { DATABASE_URL: 'postgres://u@localhost:5432/db' };
const production = { ...base, NODE_ENV: 'production', OIDC_ISSUER: 'https://idp', OIDC_AUDIENCE: 'kp', OIDC_JWKS_URL: 'https://idp/jwks',
  AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
};

function problem(env: Record<string, string>): string {
  try {
    loadConfig({ ...base, ...env });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('HTTP edge configuration', () => {
  it('allows no cross-origin caller, trusts no proxy and sends no HSTS outside production by default', () => {
    expect(loadConfig(base).http).toEqual({ corsOrigins: [], hstsMaxAgeS: 0, trustProxy: false });
  });

  it('turns HSTS on for a year in production, and lets it be set or switched off', () => {
    expect(loadConfig(production).http.hstsMaxAgeS).toBe(31_536_000);
    expect(loadConfig({ ...production, HSTS_MAX_AGE_S: '0' }).http.hstsMaxAgeS).toBe(0);
    expect(loadConfig({ ...base, HSTS_MAX_AGE_S: '600' }).http.hstsMaxAgeS).toBe(600);
    expect(problem({ HSTS_MAX_AGE_S: 'forever' })).toContain('HSTS_MAX_AGE_S="forever" must be an integer');
  });

  it('takes CORS_ORIGINS as a comma-separated list of exact origins', () => {
    expect(loadConfig({ ...base, CORS_ORIGINS: 'https://console.kontaktpunkt.dk, http://localhost:5173' }).http.corsOrigins).toEqual([
      'https://console.kontaktpunkt.dk',
      'http://localhost:5173',
    ]);
    expect(loadConfig({ ...base, CORS_ORIGINS: ' ' }).http.corsOrigins).toEqual([]);
  });

  it.each(['*', 'https://*.example.dk', 'https://console.example.dk/', 'https://console.example.dk/app', 'console.example.dk', 'ftp://example.dk'])(
    'stops start-up on the CORS origin %s, naming it',
    (entry) => {
      expect(problem({ CORS_ORIGINS: `https://ok.example.dk,${entry}` })).toContain(`CORS_ORIGINS entry "${entry}" must be an exact origin`);
    },
  );

  it('takes TRUST_PROXY as hops or addresses, and refuses true', () => {
    expect(loadConfig({ ...base, TRUST_PROXY: '1' }).http.trustProxy).toBe(1);
    expect(loadConfig({ ...base, TRUST_PROXY: 'false' }).http.trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8' }).http.trustProxy).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8']);
    expect(problem({ TRUST_PROXY: 'true' })).toContain('TRUST_PROXY="true" must be false, a number of proxy hops');
    expect(problem({ TRUST_PROXY: 'my-proxy' })).toContain('TRUST_PROXY="my-proxy"');
    expect(problem({ TRUST_PROXY: '99' })).toContain('TRUST_PROXY="99"');
  });
});

describe('rate limits', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig(base).rateLimits).toEqual(DEFAULT_RATE_LIMITS);
    expect(DEFAULT_RATE_LIMITS).toEqual({ windowS: 60, perIp: 600, publicPerIp: 60, perToken: 300, authFailuresPerIp: 10, authBlockS: 300 });
  });

  it('takes every limit from its variable', () => {
    const env = {
      RATE_LIMIT_WINDOW_S: '10',
      RATE_LIMIT_PER_IP: '100',
      RATE_LIMIT_PUBLIC_PER_IP: '5',
      RATE_LIMIT_PER_TOKEN: '50',
      RATE_LIMIT_AUTH_FAILURES_PER_IP: '3',
      RATE_LIMIT_AUTH_BLOCK_S: '900',
    };
    expect(loadConfig({ ...base, ...env }).rateLimits).toEqual({ windowS: 10, perIp: 100, publicPerIp: 5, perToken: 50, authFailuresPerIp: 3, authBlockS: 900 });
  });

  it('stops start-up on a limit that is no positive integer, naming each variable', () => {
    const message = problem({ RATE_LIMIT_PER_IP: '0', RATE_LIMIT_PER_TOKEN: 'many', RATE_LIMIT_WINDOW_S: '7200', RATE_LIMIT_AUTH_BLOCK_S: '-1' });
    expect(message).toContain('RATE_LIMIT_PER_IP="0" must be an integer from 1 to 10000000 (requests per window)');
    expect(message).toContain('RATE_LIMIT_PER_TOKEN="many"');
    expect(message).toContain('RATE_LIMIT_WINDOW_S="7200" must be an integer from 1 to 3600 (seconds)');
    expect(message).toContain('RATE_LIMIT_AUTH_BLOCK_S="-1"');
  });
});
