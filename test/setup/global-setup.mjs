// One PostgreSQL per Jest run: the embedded one unless DATABASE_URL points at a server.
// Each test file then creates its own database from this admin URL (test/support/database.ts),
// and test apps connect as this run's app role (test/support/app-role.ts), as production does.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../scripts/embedded-postgres.mjs';

/** Roles are cluster-wide: a name of its own per run, so parallel runs on one server never share one. */
async function createAppRole(adminUrl) {
  const name = `kp_test_app_${randomBytes(5).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE ROLE ${name} LOGIN PASSWORD '${password}' NOSUPERUSER NOCREATEDB NOCREATEROLE`);
  } finally {
    await client.end();
  }
  process.env.KP_TEST_APP_ROLE = name;
  process.env.KP_TEST_APP_PASSWORD = password;
}

export default async function globalSetup() {
  // Every temporary folder of this run (test apps' data, scratch rule sets, keys) in one folder that
  // the teardown removes: test workers start after this and inherit TMPDIR (os.tmpdir() reads it).
  const runTmp = mkdtempSync(join(tmpdir(), 'kp-jest-'));
  process.env.TMPDIR = runTmp;
  globalThis.__KP_RUN_TMP__ = runTmp;
  if (process.env.DATABASE_URL) {
    process.env.KP_TEST_ADMIN_URL = process.env.DATABASE_URL;
    // Every database a test file creates on the server carries this run's mark, so the teardown
    // drops them (test/support/database.ts); the embedded cluster goes away whole.
    process.env.KP_TEST_RUN = randomBytes(4).toString('hex');
    await createAppRole(process.env.DATABASE_URL);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'kp-test-pg-'));
  const pg = await startEmbeddedPostgres({ dataDir, persistent: false });
  globalThis.__KP_EMBEDDED_PG__ = pg;
  process.env.KP_TEST_ADMIN_URL = pg.url;
  process.env.KP_TEST_EMBEDDED = '1';
  await createAppRole(pg.url);
}
