// `npm start` / `npm run migration:run`: when DATABASE_URL is unset, start the embedded PostgreSQL 15
// with its data in DATA_DIR (default .data/, kept between runs), then run the built app against it.
// The app runs as a child process so PostgreSQL is stopped only after the app has shut down.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres.mjs';

const command = process.argv[2] === 'migrate' ? 'migrate' : 'serve';
const entry = resolve(import.meta.dirname, '../dist/apps/api/main.js');
const env = { ...process.env, KP_COMMAND: command };
let embedded;

async function ensureDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

if (!process.env.DATABASE_URL) {
  const dataDir = resolve(process.env.DATA_DIR || '.data');
  env.DATA_DIR = dataDir;
  embedded = await startEmbeddedPostgres({ dataDir, port: process.env.PGPORT ? Number(process.env.PGPORT) : undefined });
  await ensureDatabase(embedded.url, 'kontaktpunkt');
  env.DATABASE_URL = embedded.url.replace(/\/postgres$/, '/kontaktpunkt');
  console.log(`embedded PostgreSQL 15 running on port ${embedded.port}, data in ${dataDir}`);
}

const child = spawn(process.execPath, [entry], { env, stdio: 'inherit' });
// embedded-postgres stops the cluster on the first signal (async-exit-hook), before the app has
// drained; take that over so PostgreSQL stops only after the app has shut down.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.removeAllListeners(signal);
  process.on(signal, () => child.kill(signal));
}
child.on('exit', async (code, signal) => {
  if (embedded) await embedded.stop().catch(() => {});
  process.exit(code ?? (signal ? 0 : 1));
});
