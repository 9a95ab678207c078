import { generateKeyPairSync } from 'node:crypto';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://u@localhost:5432/db' };

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(base);
    expect(config.port).toBe(3000);
    expect(config.workerInProcess).toBe(true);
    expect(config.redisUrl).toBeUndefined();
    expect(config.oidc).toBeUndefined();
    expect(config.webDir).toBe(resolve('dist/web'));
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

  it('migrates as MIGRATION_DATABASE_URL, falling back to DATABASE_URL (one role: development only)', () => {
    expect(loadConfig(base).migrationDatabaseUrl).toBe(base.DATABASE_URL);
    const owner = 'postgres://owner:pw@localhost:5432/db';
    expect(loadConfig({ ...base, MIGRATION_DATABASE_URL: owner })).toMatchObject({ databaseUrl: base.DATABASE_URL, migrationDatabaseUrl: owner });
    expect(() => loadConfig({ ...base, MIGRATION_DATABASE_URL: 'mysql://x' })).toThrow(/MIGRATION_DATABASE_URL must use postgres: or postgresql:/);
  });

  it('checkpoints the audit chain every 1000 events unless AUDIT_CHECKPOINT_EVERY_EVENTS says otherwise, and exports where told', () => {
    expect(loadConfig(base).schedules.auditCheckpointEveryEvents).toBe(1000);
    expect(loadConfig({ ...base, AUDIT_CHECKPOINT_EVERY_EVENTS: '0' }).schedules.auditCheckpointEveryEvents).toBe(0);
    expect(() => loadConfig({ ...base, AUDIT_CHECKPOINT_EVERY_EVENTS: '-1' })).toThrow(/AUDIT_CHECKPOINT_EVERY_EVENTS="-1" must be an integer/);
    expect(loadConfig(base).auditCheckpointExportDir).toBeUndefined();
    expect(loadConfig({ ...base, AUDIT_CHECKPOINT_EXPORT_DIR: '/var/lib/kp-audit' }).auditCheckpointExportDir).toBe('/var/lib/kp-audit');
  });

  it('drains 5 s before shutdown in production (readiness 503 first), not at all elsewhere, as SHUTDOWN_DRAIN_MS says', () => {
    const oidc = { OIDC_ISSUER: 'https://idp', OIDC_AUDIENCE: 'kp', OIDC_JWKS_URL: 'https://idp/jwks' };
    expect(loadConfig(base).shutdownDrainMs).toBe(0);
    expect(loadConfig({ ...base, ...oidc, NODE_ENV: 'production', KP_COMMAND: 'migrate' }).shutdownDrainMs).toBe(5000);
    expect(loadConfig({ ...base, SHUTDOWN_DRAIN_MS: '3000' }).shutdownDrainMs).toBe(3000);
    expect(() => loadConfig({ ...base, SHUTDOWN_DRAIN_MS: '600000' })).toThrow(/SHUTDOWN_DRAIN_MS="600000" must be an integer from 0 to 120000 \(milliseconds\)/);
  });

  it('refuses a partial OIDC configuration', () => {
    expect(() => loadConfig({ ...base, OIDC_ISSUER: 'https://idp' })).toThrow(/OIDC_AUDIENCE, OIDC_JWKS_URL/);
  });

  it("gives the console its public OIDC client when OIDC_CONSOLE_CLIENT_ID is set, and refuses one without a provider", () => {
    const oidc = { OIDC_ISSUER: 'https://idp', OIDC_AUDIENCE: 'kp', OIDC_JWKS_URL: 'https://idp/jwks' };
    expect(loadConfig({ ...base, ...oidc }).oidc?.console).toBeUndefined();
    expect(loadConfig({ ...base, ...oidc, OIDC_CONSOLE_CLIENT_ID: 'kp-console' }).oidc?.console).toEqual({ clientId: 'kp-console', scope: 'openid profile email' });
    expect(loadConfig({ ...base, ...oidc, OIDC_CONSOLE_CLIENT_ID: 'kp-console', OIDC_CONSOLE_SCOPE: 'openid offline_access' }).oidc?.console?.scope).toBe('openid offline_access');
    expect(() => loadConfig({ ...base, OIDC_CONSOLE_CLIENT_ID: 'kp-console' })).toThrow(/OIDC_CONSOLE_CLIENT_ID\/OIDC_CONSOLE_SCOPE are set without OIDC_ISSUER/);
  });

  it('refuses production without an external OIDC issuer', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(/local token issuer is for development only/);
    // The one-shot migrate step verifies no tokens.
    expect(loadConfig({ ...base, NODE_ENV: 'production', KP_COMMAND: 'migrate' }).command).toBe('migrate');
  });

  it('refuses to serve in production without AUDIT_SIGNING_KEY; the migrate step signs nothing', () => {
    const oidc = { OIDC_ISSUER: 'https://idp', OIDC_AUDIENCE: 'kp', OIDC_JWKS_URL: 'https://idp/jwks' };
    expect(() => loadConfig({ ...base, ...oidc, NODE_ENV: 'production' })).toThrow(/NODE_ENV=production requires AUDIT_SIGNING_KEY/);
    const key = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(loadConfig({ ...base, ...oidc, NODE_ENV: 'production', AUDIT_SIGNING_KEY: key }).auditSigningKey).toBe(key);
    expect(loadConfig({ ...base, NODE_ENV: 'production', KP_COMMAND: 'migrate' }).auditSigningKey).toBeUndefined();
  });

  it('serves metrics only when METRICS_PORT is set, on 127.0.0.1 unless METRICS_HOST says otherwise', () => {
    expect(loadConfig(base).metrics).toBeUndefined();
    expect(loadConfig({ ...base, METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(loadConfig({ ...base, METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' }).metrics).toEqual({ port: 9464, host: '0.0.0.0' });
    expect(() => loadConfig({ ...base, METRICS_PORT: 'x' })).toThrow(/METRICS_PORT="x"/);
    expect(() => loadConfig({ ...base, METRICS_HOST: '0.0.0.0' })).toThrow(/METRICS_HOST is set but METRICS_PORT is not/);
  });

  it('serves with one API process unless API_PROCESSES says more, and refuses what several processes would not share', () => {
    expect(loadConfig(base).apiProcesses).toBe(1);
    expect(loadConfig({ ...base, API_PROCESSES: '4' }).apiProcesses).toBe(4);
    expect(() => loadConfig({ ...base, API_PROCESSES: '0' })).toThrow(/API_PROCESSES="0"/);
    expect(() => loadConfig({ ...base, API_PROCESSES: 'two' })).toThrow(/API_PROCESSES="two"/);
    expect(() => loadConfig({ ...base, API_PROCESSES: '2', BUSINESS_CLOCK: 'settable' })).toThrow(/API_PROCESSES > 1 is refused with BUSINESS_CLOCK=settable/);
    expect(loadConfig({ ...base, API_PROCESSES: '1', BUSINESS_CLOCK: 'settable' }).apiProcesses).toBe(1);
    expect(() => loadConfig({ ...base, API_PROCESSES: '2', METRICS_PORT: '9464' })).toThrow(/API_PROCESSES > 1 is refused with METRICS_PORT/);
    const key = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const production = { ...base, NODE_ENV: 'production', OIDC_ISSUER: 'https://idp', OIDC_AUDIENCE: 'kp', OIDC_JWKS_URL: 'https://idp/jwks', AUDIT_SIGNING_KEY: key };
    expect(() => loadConfig({ ...production, API_PROCESSES: '2' })).toThrow(/API_PROCESSES > 1 requires REDIS_URL when NODE_ENV=production/);
    expect(loadConfig({ ...production, API_PROCESSES: '2', REDIS_URL: 'redis://redis:6379' }).apiProcesses).toBe(2);
  });

  it('binds the API to HOST when given (every interface otherwise)', () => {
    expect(loadConfig(base).host).toBeUndefined();
    expect(loadConfig({ ...base, HOST: '127.0.0.1' }).host).toBe('127.0.0.1');
    expect(loadConfig({ ...base, HOST: '::' }).host).toBe('::');
    expect(() => loadConfig({ ...base, HOST: 'example.org' })).toThrow(/HOST must be an IP address .* got "example.org"/);
  });

  it('writes JSON logs unless LOG_FORMAT=pretty', () => {
    expect(loadConfig({ ...base, LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(loadConfig({ ...base, LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(() => loadConfig({ ...base, LOG_FORMAT: 'text' })).toThrow(/LOG_FORMAT="text" must be one of json, pretty/);
  });

  describe('SMTP_URL', () => {
    it('keeps notices in the app when unset, and sends e-mail from SMTP_FROM (or the default sender) when set', () => {
      expect(loadConfig(base).mail).toBeUndefined();
      expect(loadConfig({ ...base, SMTP_URL: 'smtp://mail.example.dk:587' }).mail).toEqual({
        smtpUrl: 'smtp://mail.example.dk:587',
        from: 'Kontaktpunkt <no-reply@kontaktpunkt.invalid>',
        fromAddress: 'no-reply@kontaktpunkt.invalid',
      });
      expect(loadConfig({ ...base, SMTP_URL: 'smtps://u:p@mail.example.dk', SMTP_FROM: 'Ét kontaktpunkt <kontakt@sundhedsdata.dk>' }).mail).toMatchObject({ fromAddress: 'kontakt@sundhedsdata.dk' });
    });

    it('refuses an SMTP_URL that is no smtp(s) URL and a sender that is no address', () => {
      expect(() => loadConfig({ ...base, SMTP_URL: 'http://mail.example.dk' })).toThrow(/SMTP_URL must use smtp: or smtps:/);
      expect(() => loadConfig({ ...base, SMTP_URL: 'not a url' })).toThrow(/SMTP_URL is not a valid URL/);
      expect(() => loadConfig({ ...base, SMTP_URL: 'smtp://mail.example.dk', SMTP_FROM: 'Kontaktpunkt' })).toThrow(/SMTP_FROM="Kontaktpunkt" must be an e-mail address/);
    });
  });

  describe('BUSINESS_CLOCK', () => {
    const oidc = { OIDC_ISSUER: 'https://idp', OIDC_AUDIENCE: 'kp', OIDC_JWKS_URL: 'https://idp/jwks', AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };

    it('runs on the wall clock unless a test or the simulator asks for a settable one', () => {
      expect(loadConfig(base).businessClock).toBe('system');
      expect(loadConfig({ ...base, BUSINESS_CLOCK: 'settable' }).businessClock).toBe('settable');
    });

    it('refuses a settable clock in production and an unknown kind anywhere', () => {
      expect(loadConfig({ ...base, ...oidc, NODE_ENV: 'production' }).businessClock).toBe('system');
      expect(() => loadConfig({ ...base, ...oidc, NODE_ENV: 'production', BUSINESS_CLOCK: 'settable' })).toThrow(/BUSINESS_CLOCK=settable is refused when NODE_ENV=production/);
      expect(() => loadConfig({ ...base, BUSINESS_CLOCK: 'fast' })).toThrow(/BUSINESS_CLOCK="fast" must be one of system, settable/);
    });
  });

  describe('KP_COMMAND', () => {
    it('serves unless the launcher asks to migrate', () => {
      expect(loadConfig(base).command).toBe('serve');
      expect(loadConfig({ ...base, KP_COMMAND: 'migrate' }).command).toBe('migrate');
    });

    it('stops start-up on an unknown command, naming it', () => {
      expect(() => loadConfig({ ...base, KP_COMMAND: 'migrat' })).toThrow('KP_COMMAND="migrat" must be one of serve, migrate');
    });
  });

  describe('KP_AWAIT_LAUNCHER', () => {
    it('serves at once unless the launcher asks the server to wait for its migrate step', () => {
      expect(loadConfig(base).awaitLauncher).toBe(false);
      expect(loadConfig({ ...base, KP_AWAIT_LAUNCHER: '1' }).awaitLauncher).toBe(true);
      expect(() => loadConfig({ ...base, KP_AWAIT_LAUNCHER: 'yes' })).toThrow('KP_AWAIT_LAUNCHER="yes" must be true or false');
    });
  });

  describe('AUDIT_SIGNING_KEY', () => {
    const pkcs8 = (type: 'ed25519' | 'ec') =>
      (type === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'P-256' })).privateKey
        .export({ type: 'pkcs8', format: 'pem' })
        .toString();

    it('is unset by default and when empty (a key is then generated in DATA_DIR)', () => {
      expect(loadConfig(base).auditSigningKey).toBeUndefined();
      expect(loadConfig({ ...base, AUDIT_SIGNING_KEY: ' ' }).auditSigningKey).toBeUndefined();
    });

    it('takes an Ed25519 PEM, also written on one line with \\n', () => {
      const pem = pkcs8('ed25519');
      expect(loadConfig({ ...base, AUDIT_SIGNING_KEY: pem }).auditSigningKey).toBe(pem);
      expect(loadConfig({ ...base, AUDIT_SIGNING_KEY: pem.replace(/\n/g, '\\n') }).auditSigningKey).toBe(pem);
    });

    it('stops start-up on a key that is not Ed25519 or not a key, naming the variable but never echoing the value', () => {
      const ec = pkcs8('ec');
      expect(() => loadConfig({ ...base, AUDIT_SIGNING_KEY: ec })).toThrow('AUDIT_SIGNING_KEY must be an Ed25519 private key (got ec)');
      expect(() => loadConfig({ ...base, AUDIT_SIGNING_KEY: 'secret-ish' })).toThrow('AUDIT_SIGNING_KEY is not a PEM private key');
      expect(() => loadConfig({ ...base, AUDIT_SIGNING_KEY: 'secret-ish' })).not.toThrow(/secret-ish/);
    });
  });

  describe('schedules of the recurring jobs', () => {
    const problem = (env: Record<string, string>) => {
      try {
        loadConfig({ ...base, ...env });
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
    };

    it('applies the documented defaults', () => {
      expect(loadConfig(base).schedules).toEqual({ consultationSweepMs: 60_000, deadlineSweepMs: 300_000, permitExpirySweepMs: 3_600_000, lawChangeSweepMs: 3_600_000, auditCheckpointEveryMs: 600_000, auditCheckpointEveryEvents: 1000, mailRedeliverySweepMs: 900_000, deliverySweepMs: 3_600_000, reconsiderationSweepMs: 3_600_000, screeningRecoverySweepMs: 300_000, screeningRecoveryAfterMs: 900_000, schedulerCheckMs: 60_000 });
    });

    it('takes a valid interval for each job', () => {
      const config = loadConfig({ ...base, CONSULTATION_SWEEP_MS: '300', DEADLINE_SWEEP_MS: '60000', PERMIT_EXPIRY_SWEEP_MS: '100', LAW_CHANGE_SWEEP_MS: '500', AUDIT_CHECKPOINT_EVERY_MS: '250', MAIL_REDELIVERY_SWEEP_MS: '200', SCREENING_RECOVERY_SWEEP_MS: '150', SCREENING_RECOVERY_AFTER_MS: '5000', SCHEDULER_CHECK_MS: '1000' });
      expect(config.schedules).toEqual({ consultationSweepMs: 300, deadlineSweepMs: 60000, permitExpirySweepMs: 100, lawChangeSweepMs: 500, auditCheckpointEveryMs: 250, auditCheckpointEveryEvents: 1000, mailRedeliverySweepMs: 200, deliverySweepMs: 3_600_000, reconsiderationSweepMs: 3_600_000, screeningRecoverySweepMs: 150, screeningRecoveryAfterMs: 5000, schedulerCheckMs: 1000 });
    });

    it.each([
      ['CONSULTATION_SWEEP_MS', ['often', '99', '1.5', '86400001']],
      ['DEADLINE_SWEEP_MS', ['soon', '10', '1.5', '86400001']],
      ['PERMIT_EXPIRY_SWEEP_MS', ['hourly', '0', '-5', '99', '1.5']],
      ['AUDIT_CHECKPOINT_EVERY_MS', ['ten', '0', '-5', '1.5', '999999999999']],
    ])('stops start-up on a bad %s, naming the variable and its value', (name, bad) => {
      for (const raw of bad) expect(problem({ [name]: raw })).toContain(`${name}="${raw}" must be an integer`);
    });

    it('names every wrong interval in the one error', () => {
      const message = problem({ DEADLINE_SWEEP_MS: 'soon', AUDIT_CHECKPOINT_EVERY_MS: 'ten' });
      expect(message).toContain('DEADLINE_SWEEP_MS="soon" must be an integer from 1000 to 86400000 (milliseconds)');
      expect(message).toContain('AUDIT_CHECKPOINT_EVERY_MS="ten" must be an integer from 100 to 604800000 (milliseconds)');
    });
  });

  describe('token limits', () => {
    it('holds tokens to an hour of lifetime and 5 seconds of clock skew by default', () => {
      expect(loadConfig(base).tokens).toEqual({ maxLifetimeS: 3600, clockToleranceS: 5 });
    });

    it('takes TOKEN_MAX_LIFETIME_S and TOKEN_CLOCK_TOLERANCE_S', () => {
      expect(loadConfig({ ...base, TOKEN_MAX_LIFETIME_S: '900', TOKEN_CLOCK_TOLERANCE_S: '0' }).tokens).toEqual({ maxLifetimeS: 900, clockToleranceS: 0 });
    });

    it('stops start-up on a lifetime over a day or a tolerance over a minute, naming the variable', () => {
      const attempt = () => loadConfig({ ...base, TOKEN_MAX_LIFETIME_S: '86401', TOKEN_CLOCK_TOLERANCE_S: '300' });
      expect(attempt).toThrow('TOKEN_MAX_LIFETIME_S="86401" must be an integer from 60 to 86400 (seconds)');
      expect(attempt).toThrow('TOKEN_CLOCK_TOLERANCE_S="300" must be an integer from 0 to 60 (seconds)');
    });
  });

  describe('DELIVERY_RECEIVERS', () => {
    const secret = 'x'.repeat(32);
    it('has no receivers by default: holders read their orders through the API', () => {
      expect(loadConfig(base).deliveryReceivers).toEqual({});
    });

    it('takes a webhook and a file drop per holder CVR', () => {
      const raw = JSON.stringify({ '33257872': { adapter: 'webhook', url: 'https://holder.example/orders', secret }, '29190925': { adapter: 'file_drop', directory: '/srv/orders' } });
      expect(loadConfig({ ...base, DELIVERY_RECEIVERS: raw }).deliveryReceivers).toEqual({
        '33257872': { adapter: 'webhook', url: 'https://holder.example/orders', secret },
        '29190925': { adapter: 'file_drop', directory: '/srv/orders' },
      });
    });

    const problem = (env: Record<string, string>) => {
      try {
        loadConfig({ ...base, ...env });
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
    };

    it('stops start-up on a bad entry, naming it: no CVR, a short secret, plain http in production, a relative directory', () => {
      expect(problem({ DELIVERY_RECEIVERS: '{"sds": {"adapter": "webhook", "url": "https://x.example", "secret": "' + secret + '"}}' })).toContain('DELIVERY_RECEIVERS["sds"]: the key must be a CVR number');
      expect(problem({ DELIVERY_RECEIVERS: '{"33257872": {"adapter": "webhook", "url": "https://x.example", "secret": "short"}}' })).toContain('DELIVERY_RECEIVERS["33257872"].secret must be a string of at least 32 characters');
      expect(problem({ DELIVERY_RECEIVERS: '{"29190925": {"adapter": "file_drop", "directory": "orders"}}' })).toContain('DELIVERY_RECEIVERS["29190925"].directory must be an absolute path');
      expect(problem({ DELIVERY_RECEIVERS: 'not json' })).toContain('DELIVERY_RECEIVERS is not JSON');
      const production = () => loadConfig({ ...base, NODE_ENV: 'production', OIDC_ISSUER: 'https://idp.example', OIDC_AUDIENCE: 'kp', OIDC_JWKS_URL: 'https://idp.example/jwks', DELIVERY_RECEIVERS: JSON.stringify({ '33257872': { adapter: 'webhook', url: 'http://holder.example', secret } }) });
      expect(production).toThrow('DELIVERY_RECEIVERS["33257872"].url must be https');
    });
  });
});
