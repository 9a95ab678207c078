import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A real child process (a built app, the launcher) whose output is kept to wait for lines and explain failures. */
export class Child {
  stdout = '';
  stderr = '';
  readonly exited: Promise<Finished>;
  private readonly process: ChildProcess;

  constructor(command: string, args: string[], env: NodeJS.ProcessEnv) {
    this.process = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.process.stdout!.on('data', (chunk: Buffer) => (this.stdout += chunk.toString()));
    this.process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((ok) => this.process.on('exit', (code, signal) => ok({ code, signal, stdout: this.stdout, stderr: this.stderr })));
  }

  get running(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  get output(): string {
    return `${this.stdout}\n--- stderr ---\n${this.stderr}`;
  }

  kill(signal: NodeJS.Signals): void {
    if (this.running) this.process.kill(signal);
  }

  /** The first match of `pattern` in stdout; fails if the process exits first or time runs out. */
  async waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(this.stdout);
      if (match) return match;
      if (!this.running) throw new Error(`exited before printing ${pattern}:\n${this.output}`);
      if (Date.now() > until) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${this.output}`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }

  async finished(timeoutMs: number): Promise<Finished> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, fail) => {
      timer = setTimeout(() => fail(new Error(`still running after ${timeoutMs} ms:\n${this.output}`)), timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A loopback port nothing listens on (at the moment of asking). */
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

/** The environment a user's shell would give a process: the test run's own app variables removed. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^(DATABASE_URL|MIGRATION_DATABASE_URL|REDIS_URL|NODE_ENV|PORT|PGPORT|DATA_DIR|LOG_LEVEL|LOG_FORMAT|QUEUE_PREFIX|OUTBOX_POLL_MS|WORKER_IN_PROCESS|RULES_DIR|METRICS_.*|BUSINESS_CLOCK|RATE_LIMIT_.*|OIDC_.*|KP_.*|AUDIT_.*)$/.test(name)) delete env[name];
  }
  return { ...env, ...extra };
}

/** Every stdout line as parsed JSON; throws naming the first line that is not JSON. */
export function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`not a JSON log line: ${line}`);
      }
    });
}
