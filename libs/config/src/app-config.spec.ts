import { ConfigError, loadConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://u@localhost:5432/db' };

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(base);
    expect(config.port).toBe(3000);
    expect(config.workerInProcess).toBe(true);
    expect(config.redisUrl).toBeUndefined();
    expect(config.oidc).toBeUndefined();
  });

  it('names every wrong variable in one error', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', REDIS_URL: 'http://x', NODE_ENV: 'prod' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT="eighty"');
      expect(message).toContain('REDIS_URL must use');
      expect(message).toContain('NODE_ENV="prod"');
      expect(message).toContain('DATABASE_URL is required');
    }
  });

  it('takes per-track clock limits from CLOCK_POLICIES and refuses ones looser than the law', () => {
    const config = loadConfig({ ...base, CLOCK_POLICIES: JSON.stringify({ central: { warnBefore: { workingDays: 5 } } }) });
    expect(config.clockPolicies.central.warnBefore.workingDays).toBe(5);
    expect(config.clockPolicies.collaborative.warnBefore.workingDays).toBe(10);
    expect(() => loadConfig({ ...base, CLOCK_POLICIES: JSON.stringify({ central: { decisionLimit: { months: 4 } } }) })).toThrow(/CLOCK_POLICIES is invalid/);
  });

  it('refuses a partial OIDC configuration', () => {
    expect(() => loadConfig({ ...base, OIDC_ISSUER: 'https://idp' })).toThrow(/OIDC_AUDIENCE, OIDC_JWKS_URL/);
  });

  it('refuses production without an external OIDC issuer', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(/local token issuer is for development only/);
  });
});
