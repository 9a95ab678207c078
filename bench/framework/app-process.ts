import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { Actor, LocalIssuer } from '@kp/auth';

const ROOT = resolve(__dirname, '../..');
const ENTRY = resolve(ROOT, 'dist/apps/api/main.js');
const WORKER_ENTRY = resolve(ROOT, 'dist/apps/worker/main.js');

/** The app as `npm start` runs it: scripts/start.mjs (migrate step, then serve) in a process of its own. */
export interface AppProcess {
  url: string;
  pid: number;
  /** The server process's pid (start.mjs spawns it), for memory readings. */
  serverPid(): number | undefined;
  /** Every process of the app: the launcher, its server(s), the worker when it runs apart, and the embedded PostgreSQL's. */
  processes(): number[];
  token(actor: Actor): Promise<string>;
  /**
   * Runs `during` as a window of the server's CPU profile when the benchmark runs with
   * BENCH_CPU_PROFILE=<dir> (cpu-profile-hook.js writes one .cpuprofile per window); otherwise just runs it.
   */
  profiled<T>(during: () => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

/**
 * Builds the API and the worker when either is missing or older than the sources' last commit (the
 * benchmarks measure the built apps; BENCH_WORKER=separate runs the worker's, which a build of the
 * API alone left stale).
 */
export function ensureBuilt(log: (m: string) => void): void {
  for (const [app, entry] of [['api', ENTRY], ['worker', WORKER_ENTRY]] as const) {
    if (existsSync(entry) && process.env.BENCH_BUILD !== '1' && !builtBeforeLastCommit(entry)) continue;
    log(`building the ${app} (nest build ${app})…`);
    const result = spawnSync('npx', ['nest', 'build', app], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`nest build ${app} failed`);
  }
}

/**
 * Whether a built entry predates the last commit of what it is built from, so a benchmark would measure code that is no
 * longer there (edits not yet committed still need BENCH_BUILD=1). Without git, dist is taken as it is.
 */
function builtBeforeLastCommit(entry: string): boolean {
  // The last commit that changed what is built: a commit of benchmarks or docs alone leaves the
  // bundle byte for byte as it was, and the build then keeps the file (and its time) unchanged.
  const git = spawnSync('git', ['log', '-1', '--format=%ct', '--', 'apps', 'libs', 'migrations', 'package.json', 'tsconfig.json', 'nest-cli.json'], { cwd: ROOT, encoding: 'utf8' });
  const committedS = Number(git.stdout?.trim());
  if (git.status !== 0 || !Number.isFinite(committedS) || committedS === 0) return false;
  return statSync(entry).mtimeMs < committedS * 1000;
}

/** Every descendant of a process (start.mjs → node main.js), from /proc. */
function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * Starts the app with `env` (DATABASE_URL unset: the embedded PostgreSQL in DATA_DIR) and waits until
 * /health/ready answers 200; returns when it is ready, with the milliseconds it took.
 */
export async function startApp(dataDir: string, env: Record<string, string>, timeoutMs = 120_000): Promise<AppProcess & { readyMs: number; readyCpuSeconds: number }> {
  const port = await freePort();
  const started = Date.now();
  const child: ChildProcess = spawn(process.execPath, [resolve(ROOT, 'scripts/start.mjs')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      DATA_DIR: dataDir,
      RATE_LIMIT_PER_IP: '10000000',
      RATE_LIMIT_PUBLIC_PER_IP: '10000000',
      RATE_LIMIT_PER_TOKEN: '10000000',
      RATE_LIMIT_AUTH_FAILURES_PER_IP: '10000000',
      // BENCH_CPU_PROFILE=<dir>: CPU profiles of the server process's timed windows (cpu-profile-hook.js).
      ...(process.env.BENCH_CPU_PROFILE
        ? { NODE_OPTIONS: `--require ${resolve(__dirname, 'cpu-profile-hook.js')}`, KP_CPU_PROFILE_DIR: resolve(process.env.BENCH_CPU_PROFILE) }
        : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output = (output + d).slice(-4000)));
  child.stderr!.on('data', (d) => (output = (output + d).slice(-4000)));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}) before it was ready:\n${output}`);
    if (Date.now() - started > timeoutMs) {
      child.kill('SIGTERM');
      throw new Error(`the app was not ready within ${timeoutMs} ms:\n${output}`);
    }
    const ready = await fetch(`${url}/health/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const readyMs = Date.now() - started;
  const readyCpuSeconds = cpuSeconds(child.pid!);
  // WORKER_IN_PROCESS=false: the production layout, the queue's consumers and schedules in a worker
  // process of their own beside the API (docker-compose.yml), on the same database.
  const worker = env.WORKER_IN_PROCESS === 'false' ? startWorker(child, dataDir, env) : undefined;
  let issuer: LocalIssuer | undefined;
  return {
    url,
    pid: child.pid!,
    readyMs,
    readyCpuSeconds,
    serverPid: () => children(child.pid!)[0],
    processes: () => [...processTree(child.pid!), ...(worker ? processTree(worker.pid) : [])],
    token: async (actor) => (issuer ??= await LocalIssuer.open(dataDir, 'development')).sign(actor, 3600),
    profiled: async (during) => {
      const server = process.env.BENCH_CPU_PROFILE ? children(child.pid!)[0] : undefined;
      if (server) {
        process.kill(server, 'SIGUSR2');
        // Starting the profiler blocks the server for a second or more on a loaded machine: not part of the window.
        await new Promise((r) => setTimeout(r, 3000));
      }
      try {
        return await during();
      } finally {
        if (server) {
          process.kill(server, 'SIGUSR2');
          // The profile is written after the signal arrives: give it a moment before the next window or stop.
          await new Promise((r) => setTimeout(r, 2000));
        }
      }
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await Promise.all([exited, worker?.stop()]);
    },
  };
}

/** The worker app (`npm run start:worker`) with the API's environment; it needs DATABASE_URL. */
function startWorker(api: ChildProcess, dataDir: string, env: Record<string, string>): { pid: number; stop(): Promise<void> } {
  if (!env.DATABASE_URL) throw new Error('a separate worker needs DATABASE_URL (the embedded PostgreSQL lives in the API\'s launcher)');
  if (!existsSync(WORKER_ENTRY)) throw new Error(`${WORKER_ENTRY} is missing: npm run build`);
  const child = spawn(process.execPath, [WORKER_ENTRY], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'development', LOG_LEVEL: 'warn', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  // A worker that outlives its API would keep consuming the next benchmark's CPU.
  api.once('exit', () => child.exitCode === null && child.kill('SIGTERM'));
  return {
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Proportional set size of a process in MB (its fair share of shared pages), from /proc/<pid>/smaps_rollup. */
export function pssMb(pid: number): number | undefined {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds (user + system) a process tree has used: each live process's own, plus what the
 * children it has already reaped used (the migrate step, PostgreSQL's exited backends). On a shared
 * machine this, not the wall time, says what a start costs: the kernel shares the CPU per session.
 */
export function cpuSeconds(pid: number): number {
  const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux platform Node supports
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime, stime, cutime, cstime: fields 14–17 of proc(5), 12–15 after the name and state.
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      /* exited meanwhile: its parent counts it once reaped */
    }
  }
  return ticks / TICKS_PER_SECOND;
}

/** The pids of a process tree (the app, and the embedded PostgreSQL with its backends when it runs one). */
export function processTree(pid: number): number[] {
  const out = [pid];
  for (const c of children(pid)) out.push(...processTree(c));
  return out;
}
