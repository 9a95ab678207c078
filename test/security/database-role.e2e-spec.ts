import { generateKeyPairSync } from 'node:crypto';
import { AuditLog } from '@kp/audit';
import { AppConfig } from '@kp/config';
import { DatabaseReadiness, dataSourceOptions, excessDatabasePowers } from '@kp/persistence';
import { migrateDatabase } from '@kp/platform';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/app';
import { createTestDatabase } from '../support/database';

/**
 * Issue 13, finding 1: the app connects as a role that cannot switch off the audit trail's guards.
 * Runs wherever the suite runs — the embedded PostgreSQL, and the server of DATABASE_URL in CI.
 */
describe('the app database role (issue 13)', () => {
  let t: TestApp;
  let app: DataSource;

  beforeAll(async () => {
    t = await startTestApp('db_role');
    app = t.app.get(DataSource);
    await app.transaction((m) =>
      t.app.get(AuditLog).append(m, { actor: { sub: 'cw-1', role: 'caseworker' }, action: 'case.viewed', subject: { type: 'case', id: 'c-1' }, payload: {} }),
    );
  });
  afterAll(() => t?.close());

  const eventCount = async () => Number((await app.query('SELECT count(*) AS n FROM audit_event'))[0].n);

  it('is the run’s app role, not the owner the migrate step ran as', async () => {
    const [{ who }] = await app.query('SELECT current_user AS who');
    expect(who).toBe(process.env.KP_TEST_APP_ROLE);
    expect(await excessDatabasePowers(app)).toEqual([]);
  });

  it.each([
    ['UPDATE', `UPDATE audit_event SET action = 'case.forged'`],
    ['DELETE', 'DELETE FROM audit_event'],
    ['TRUNCATE', 'TRUNCATE audit_event'],
    ['UPDATE', `UPDATE audit_checkpoint SET hash = repeat('0', 64)`],
    ['DELETE', 'DELETE FROM audit_checkpoint'],
    ['TRUNCATE', 'TRUNCATE audit_checkpoint'],
  ])('may not %s the audit trail: refused on privileges, before any trigger (%s)', async (_operation, sql) => {
    const before = await eventCount();
    await expect(app.query(sql)).rejects.toThrow(/permission denied for table audit_(event|checkpoint)/);
    expect(await eventCount()).toBe(before);
  });

  it.each(['DISABLE TRIGGER ALL', 'DISABLE TRIGGER USER', 'DISABLE TRIGGER audit_event_refuse_update_delete'])(
    'may not ALTER TABLE audit_event %s (only the owner may)',
    async (clause) => {
      await expect(app.query(`ALTER TABLE audit_event ${clause}`)).rejects.toThrow(/must be owner of table audit_event/);
    },
  );

  it('may not SET session_replication_role, which would skip the insert-only trigger', async () => {
    await expect(app.query('SET session_replication_role = replica')).rejects.toThrow(/permission denied to set parameter "session_replication_role"/);
    await expect(
      app.transaction(async (m) => {
        await m.query('SET LOCAL session_replication_role = replica');
        await m.query('DELETE FROM audit_event');
      }),
    ).rejects.toThrow(/permission denied to set parameter/);
  });

  it('may not change the schema: no CREATE TABLE, no DROP, no new trigger', async () => {
    await expect(app.query('CREATE TABLE shadow_audit (seq bigint)')).rejects.toThrow(/permission denied for schema public/);
    await expect(app.query('DROP TABLE audit_event')).rejects.toThrow(/must be owner of table audit_event/);
    await expect(app.query('ALTER TABLE audit_event OWNER TO CURRENT_USER')).rejects.toThrow(/must be owner of table audit_event/);
  });

  it('still appends to and reads the trail, and edits the tables it works on', async () => {
    const before = await eventCount();
    await app.transaction((m) =>
      t.app.get(AuditLog).append(m, { actor: { sub: 'cw-1', role: 'caseworker' }, action: 'case.viewed', subject: { type: 'case', id: 'c-2' }, payload: {} }),
    );
    expect(await eventCount()).toBe(before + 1);
    await expect(app.query(`UPDATE outbox SET attempts = attempts WHERE false`)).resolves.toBeDefined();
  });

  it('gives the owner (the superuser here) the powers the app role lacks, so the checks above are not vacuous', async () => {
    const owner = new DataSource({ type: 'postgres', url: t.databaseUrl, installExtensions: false });
    await owner.initialize();
    try {
      expect((await excessDatabasePowers(owner)).join('; ')).toMatch(/is a superuser/);
    } finally {
      await owner.destroy();
    }
  });
});

describe('production refuses a connection that could switch the audit guards off (issue 13)', () => {
  const production = {
    NODE_ENV: 'production',
    BUSINESS_CLOCK: 'system',
    OIDC_ISSUER: 'https://idp.example',
    OIDC_AUDIENCE: 'kontaktpunkt',
    OIDC_JWKS_URL: 'https://idp.example/jwks',
    AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
  let saved: NodeJS.ProcessEnv;
  beforeEach(() => (saved = { ...process.env }));
  afterEach(() => {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  });

  it('refuses to start as a superuser, naming the problem', async () => {
    await expect(startTestApp('prod_superuser', { connectAs: 'owner', env: production })).rejects.toThrow(
      /NODE_ENV=production refuses to start: DATABASE_URL connects with more power than the app needs: ".+" is a superuser/,
    );
  });

  it('refuses to start as the (non-superuser) owner of the tables', async () => {
    const role = `kp_owner_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(8).toString('hex');
    const adminUrl = await createTestDatabase('prod_owner');
    const database = new URL(adminUrl).pathname.slice(1);
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}' NOSUPERUSER`);
      await admin.query(`GRANT CREATE ON DATABASE "${database}" TO ${role}`);
      await admin.query(`GRANT CREATE ON SCHEMA public TO ${role}`);
      const ownerUrl = new URL(adminUrl);
      ownerUrl.username = role;
      ownerUrl.password = password;
      // One URL for both: the migrate step grants no separate role, and the app would serve as the owner.
      expect(await migrateDatabase({ ownerUrl: ownerUrl.toString(), appUrl: ownerUrl.toString(), queueOnPostgres: !process.env.REDIS_URL })).toMatchObject({ appRole: null });

      const owner = new DataSource({ ...dataSourceOptions(ownerUrl.toString()), extra: { max: 2 } });
      await owner.initialize();
      try {
        const readiness = new DatabaseReadiness(owner, { nodeEnv: 'production' } as AppConfig);
        await expect(readiness.onModuleInit()).rejects.toThrow(
          new RegExp(`NODE_ENV=production refuses to start: .*"${role}" owns \\(or may act as the owner of\\) \\d+ table\\(s\\), e.g. public.application, public\\.\\w+`),
        );
      } finally {
        await owner.destroy();
      }
    } finally {
      await admin.query(`DROP OWNED BY ${role}`).catch(() => undefined);
      await admin.end();
      const cluster = new Client({ connectionString: process.env.KP_TEST_ADMIN_URL });
      await cluster.connect();
      await cluster.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
      await cluster.end();
    }
  });
});
