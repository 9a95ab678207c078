/**
 * Where a timed window's CPU went, by process: the app's server, PostgreSQL, this benchmark process
 * (the load generator: autocannon runs in it), the baseline tool it spawns (pgbench), and the rest
 * of the machine. On two shared cores the question "why not faster?" is answered by who used them:
 * a single-threaded server near one core is its own limit; PostgreSQL near the rest is another.
 *
 * Read from /proc (Linux; elsewhere `startCpuSplit` returns undefined and the figures are left out).
 * A process's count is its own user + system time plus what its reaped children used (proc(5)
 * cutime/cstime), so a pgbench run or a PostgreSQL backend that ends inside the window is counted
 * through its parent; for a process that was alive at the start and ended inside the window, what
 * it had used before the window is taken off again (its parent's count now holds its whole life).
 */
import { readdirSync, readFileSync } from 'node:fs';

export type CpuClass = 'server' | 'postgres' | 'load' | 'baseline' | 'other';

/** Cores used in the window by each class (CPU seconds ÷ wall seconds), and the wall seconds. */
export interface CpuSplit {
  cores: Record<CpuClass, number>;
  seconds: number;
}

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux platform Node supports

interface Sample {
  /** Its own user + system ticks. */
  own: number;
  /** What the children it has reaped used. */
  reaped: number;
  parent: number;
  name: string;
}

function snapshot(): Map<number, Sample> | undefined {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return undefined;
  }
  const out = new Map<number, Sample>();
  for (const p of pids) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Counted from 0 at the state: ppid 1, utime 11, stime 12, cutime 13, cstime 14 (proc(5) fields 4, 14–17).
      out.set(Number(p), { own: Number(f[11]) + Number(f[12]), reaped: Number(f[13]) + Number(f[14]), parent: Number(f[1]), name });
    } catch {
      /* ended between the listing and the read: its parent counts it once reaped */
    }
  }
  return out;
}

/**
 * Starts a window; `read()` says how many cores each class used from the start until now (it may be
 * read more than once: the same start, a longer window). `serverPids` are the app's processes (the
 * launcher, the API, the worker when it runs apart); PostgreSQL is every process named `postgres`
 * (the embedded one, or the server DATABASE_URL names when it runs on this machine).
 */
export function startCpuSplit(serverPids: () => number[]): { read(): CpuSplit } | undefined {
  const before = snapshot();
  if (!before) return undefined;
  const started = process.hrtime.bigint();
  return {
    read(): CpuSplit {
      const after = snapshot() ?? new Map<number, Sample>();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // Listed at the end: a process the app started inside the window (a cluster worker) is still its.
      const servers = new Set(serverPids());
      const classOf = (pid: number, s: Sample): CpuClass => {
        // The embedded PostgreSQL runs under the app's launcher: by name first.
        if (s.name === 'postgres') return 'postgres';
        if (servers.has(pid)) return 'server';
        if (s.parent === process.pid && s.name === 'pgbench') return 'baseline';
        return 'other';
      };
      const ticks: Record<CpuClass, number> = { server: 0, postgres: 0, load: 0, baseline: 0, other: 0 };
      for (const [pid, s] of after) {
        const was = before.get(pid);
        if (pid === process.pid) {
          // This process is the load generator; the children it reaped are the baseline tools it ran (pgbench).
          ticks.load += s.own - (was?.own ?? 0);
          ticks.baseline += s.reaped - (was?.reaped ?? 0);
        } else {
          ticks[classOf(pid, s)] += s.own + s.reaped - (was ? was.own + was.reaped : 0);
        }
      }
      // Ended inside the window: its parent's reaped count now holds its whole life, so take off what it had used before.
      for (const [pid, s] of before) if (!after.has(pid)) ticks[classOf(pid, s)] -= s.own + s.reaped;
      const cores = Object.fromEntries(Object.entries(ticks).map(([k, t]) => [k, Math.max(0, t) / TICKS_PER_SECOND / seconds])) as Record<CpuClass, number>;
      return { cores, seconds };
    },
  };
}
