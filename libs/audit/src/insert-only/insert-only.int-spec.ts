import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../../test/support/database';
import { AUDIT_MIGRATIONS, caseworker, createAuditDatabase } from '../../test/audit-database';
import { AuditLog } from '../append-event/audit-log';

/** The table is insert-only (DESIGN.md §7): no one edits history, not even the table owner. */
describe('audit tables are insert-only (PostgreSQL)', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    ({ dataSource } = await createAuditDatabase('audit_insert_only'));
    await dataSource.transaction((m) =>
      new AuditLog().append(m, { actor: caseworker, action: 'case.viewed', subject: { type: 'case', id: 'c-1' }, payload: { n: 1 } }),
    );
    await dataSource.query(
      `INSERT INTO audit_checkpoint (seq, hash, at, key_id, public_key, signature) VALUES (1, $1, now(), 'k', 'pem', 'sig')`,
      ['a'.repeat(64)],
    );
  });
  afterAll(() => dataSource?.destroy());

  it.each([
    ['UPDATE', `UPDATE audit_event SET payload = '{"n":2}'`],
    ['DELETE', `DELETE FROM audit_event`],
    ['TRUNCATE', `TRUNCATE audit_event`],
    ['UPDATE', `UPDATE audit_checkpoint SET hash = repeat('b', 64)`],
    ['DELETE', `DELETE FROM audit_checkpoint`],
    ['TRUNCATE', `TRUNCATE audit_checkpoint`],
  ])('refuses %s even for the owner: %s', async (operation, sql) => {
    await expect(dataSource.query(sql)).rejects.toThrow(new RegExp(`append-only: ${operation} refused`));
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM audit_event');
    expect(n).toBe(1);
  });
});

describe('the application role has no UPDATE, DELETE or TRUNCATE on the audit tables', () => {
  const role = `kp_app_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(8).toString('hex');
  let url: string;
  let admin: Client;

  beforeAll(async () => {
    url = await createTestDatabase('audit_app_role');
    admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
    await admin.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    // A careless operator grants everything on future tables; the migration must take the edits back.
    await admin.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES TO ${role}`);
    process.env.AUDIT_APP_ROLE = role;
    const migrator = new DataSource({ type: 'postgres', url, migrations: AUDIT_MIGRATIONS, installExtensions: false });
    await migrator.initialize();
    try {
      await migrator.runMigrations({ transaction: 'each' });
    } finally {
      delete process.env.AUDIT_APP_ROLE;
      await migrator.destroy();
    }
  });

  afterAll(async () => {
    if (!admin) return;
    await admin.query(`DROP OWNED BY ${role}`).catch(() => undefined);
    await admin.end();
    const cluster = new Client({ connectionString: process.env.KP_TEST_ADMIN_URL });
    await cluster.connect();
    await cluster.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
    await cluster.end();
  });

  it('lets the app role append and read, and denies it edits before any trigger runs', async () => {
    const appUrl = new URL(url);
    appUrl.username = role;
    appUrl.password = password;
    const app = new DataSource({ type: 'postgres', url: appUrl.toString(), installExtensions: false });
    await app.initialize();
    try {
      const event = await app.transaction((m) =>
        new AuditLog().append(m, { actor: caseworker, action: 'case.viewed', subject: { type: 'case', id: 'c-1' }, payload: {} }),
      );
      expect(event.seq).toBe(1);
      for (const sql of [`UPDATE audit_event SET action = 'x.y'`, `DELETE FROM audit_event`, `TRUNCATE audit_event`, `DELETE FROM audit_checkpoint`]) {
        await expect(app.query(sql)).rejects.toThrow(/permission denied/);
      }
    } finally {
      await app.destroy();
    }
  });
});
