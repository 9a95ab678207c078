// One PostgreSQL per Jest run: the embedded one unless DATABASE_URL points at a server.
// Each test file then creates its own database from this admin URL (test/support/database.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../scripts/embedded-postgres.mjs';

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.KP_TEST_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'kp-test-pg-'));
  const pg = await startEmbeddedPostgres({ dataDir, persistent: false });
  globalThis.__KP_EMBEDDED_PG__ = pg;
  process.env.KP_TEST_ADMIN_URL = pg.url;
  process.env.KP_TEST_EMBEDDED = '1';
}
