// npm run demo: a realistic day at the contact point through the real API (issue 12), then a
// summary per case and the audit verification. By default it starts the app as `npm start` does
// (scripts/start.mjs: the embedded PostgreSQL in DATA_DIR, or DATABASE_URL), drives it, and stops
// it; the data stay in DATA_DIR (or the database), so `npm start` afterwards shows the day in the
// console. With DEMO_API_URL it drives an API that is already running instead (its DATA_DIR must be
// this one: the tokens come from the local issuer whose key is kept there, as `npm run token` does).
import { LocalIssuer, Role } from '@kp/auth';
import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { formatSummary, runDemoDay } from './demo/day';

const DATA_DIR = resolve(process.env.DATA_DIR || '.data');
const PORT = Number(process.env.PORT || 3000);

async function waitUntilReady(baseUrl: string, server: ChildProcess): Promise<void> {
  const end = Date.now() + 5 * 60 * 1000;
  while (Date.now() < end) {
    if (server.exitCode !== null) throw new Error(`the app stopped (exit ${server.exitCode}) before it was ready; is \`npm start\` running on the same DATA_DIR? Stop it, or run the demo against it with DEMO_API_URL=http://localhost:${PORT}`);
    const ready = await fetch(`${baseUrl}/health/ready`).then((r) => r.ok, () => false);
    if (ready) return;
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error('the app was not ready within five minutes');
}

function startApp(): ChildProcess {
  // The demo's own run is a local development run: the business clock is the system's, and the
  // rate limits are raised, since one caseworker does a day's work in a minute.
  return spawn(process.execPath, [resolve(__dirname, 'start.mjs')], {
    env: { ...process.env, DATA_DIR, PORT: String(PORT), RATE_LIMIT_PER_TOKEN: '100000', RATE_LIMIT_PER_IP: '100000', LOG_LEVEL: process.env.LOG_LEVEL || 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

async function stopApp(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((done) => server.once('exit', done));
  server.kill('SIGTERM');
  await exited;
}

async function main(): Promise<number> {
  const external = process.env.DEMO_API_URL;
  const server = external ? undefined : startApp();
  const baseUrl = (external ?? `http://127.0.0.1:${PORT}`).replace(/\/$/, '');
  try {
    if (server) await waitUntilReady(baseUrl, server);
    const issuer = await LocalIssuer.open(DATA_DIR, process.env.NODE_ENV);
    console.log(`\nThe demo day, through ${baseUrl}:`);
    const { cases, audit } = await runDemoDay(
      { baseUrl, token: (actor) => issuer.sign({ ...actor, role: actor.role as Role }, 3600) },
      { log: (line) => console.log(line) },
    );
    console.log(formatSummary(cases, audit));
    const missed = cases.filter((c) => !c.reachedIntendedEnd);
    if (missed.length || !audit.valid) {
      console.error(`\n${missed.length} case(s) did not reach their intended end${audit.valid ? '' : '; the audit trail did not verify'}.`);
      return 1;
    }
    console.log(`\nThe data are kept${process.env.DATABASE_URL ? ' in DATABASE_URL' : ` in ${DATA_DIR}`}: \`npm start\` and http://localhost:${PORT}/ show them (sign in as Kasper Holm, caseworker, or anyone the demo acted as).`);
    return 0;
  } finally {
    if (server) await stopApp(server);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`demo: ${(error as Error).message}`);
    process.exit(1);
  },
);
