import { rmSync } from 'node:fs';
import pg from 'pg';

/**
 * On a shared server, drop this run's app role: first its grants and objects in every database that
 * holds some (pg_shdepend), then the role. The embedded cluster goes away with its role.
 */
async function dropAppRole(adminUrl, role) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query(
      `SELECT DISTINCT d.datname FROM pg_shdepend s JOIN pg_database d ON d.oid = s.dbid
        WHERE s.refclassid = 'pg_authid'::regclass AND s.refobjid = (SELECT oid FROM pg_roles WHERE rolname = $1)`,
      [role],
    );
    for (const { datname } of rows) {
      const url = new URL(adminUrl);
      url.pathname = `/${datname}`;
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      await client.query(`DROP OWNED BY ${role}`).finally(() => client.end());
    }
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
  } finally {
    await admin.end();
  }
}

/**
 * On a shared server, drop the databases this run's test files created (test/support/database.ts
 * names each `<label>_<run>_<random>`), with FORCE: an app a failed test left running holds connections.
 */
async function dropRunDatabases(adminUrl, run) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE '%\\_' || $1 || '\\_%'`, [run]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export default async function globalTeardown() {
  const embedded = globalThis.__KP_EMBEDDED_PG__;
  if (embedded) {
    await embedded.stop();
  } else {
    const run = process.env.KP_TEST_RUN;
    if (run && process.env.KP_TEST_ADMIN_URL) {
      await dropRunDatabases(process.env.KP_TEST_ADMIN_URL, run).catch((error) => console.warn(`could not drop this run's test databases: ${error.message}`));
    }
    const role = process.env.KP_TEST_APP_ROLE;
    if (role && process.env.KP_TEST_ADMIN_URL) {
      await dropAppRole(process.env.KP_TEST_ADMIN_URL, role).catch((error) => console.warn(`could not drop test role ${role}: ${error.message}`));
    }
  }
  // The run's temporary folder (global-setup.mjs), with whatever a test left in it.
  if (globalThis.__KP_RUN_TMP__) rmSync(globalThis.__KP_RUN_TMP__, { recursive: true, force: true });
}
