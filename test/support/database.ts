import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

function adminUrl(): string {
  const url = process.env.KP_TEST_ADMIN_URL;
  if (!url) throw new Error('KP_TEST_ADMIN_URL is unset: run tests through Jest (test/setup/global-setup.mjs)');
  return url;
}

/**
 * Creates a fresh, empty database for one test file and returns its URL. On a server, the name
 * carries the run's mark (KP_TEST_RUN, global-setup.mjs) so the run's teardown drops it.
 */
export async function createTestDatabase(label = 'kp'): Promise<string> {
  const run = process.env.KP_TEST_RUN ? `_${process.env.KP_TEST_RUN}` : '';
  // PostgreSQL keeps 63 bytes of a name: the label gives way, the marks stay whole.
  const name = `${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase().slice(0, 40)}${run}_${randomBytes(5).toString('hex')}`;
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}
