import { migrateDatabase } from '@kp/platform';
import { Client } from 'pg';

/**
 * The app's LOGIN role for this Jest run (created by test/setup/global-setup.mjs, unique per run
 * because roles are cluster-wide): test apps connect as it, as production does, while specs keep
 * the owner URL for assertions and for playing the attacker.
 */
export function testAppRole(): { name: string; password: string } {
  const name = process.env.KP_TEST_APP_ROLE;
  const password = process.env.KP_TEST_APP_PASSWORD;
  if (!name || !password) throw new Error('KP_TEST_APP_ROLE is unset: run tests through Jest (test/setup/global-setup.mjs)');
  return { name, password };
}

/** The same database as `ownerUrl`, logged in as the run's app role. */
export function asAppRole(ownerUrl: string): string {
  const { name, password } = testAppRole();
  const url = new URL(ownerUrl);
  url.username = encodeURIComponent(name);
  url.password = encodeURIComponent(password);
  return url.toString();
}

/** The migrate step as production runs it (owner migrates and grants); returns the app role's URL. */
export async function migrateAsOwner(ownerUrl: string, queueOnPostgres = !process.env.REDIS_URL): Promise<string> {
  const appUrl = asAppRole(ownerUrl);
  await migrateDatabase({ ownerUrl, appUrl, queueOnPostgres });
  return appUrl;
}

/** A table a spec needs beside the app's own: the owner creates it and grants it like the others. */
export async function createTableForApp(ownerUrl: string, table: string, columns: string): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(`CREATE TABLE ${table} (${columns})`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${testAppRole().name}`);
  } finally {
    await client.end();
  }
}
