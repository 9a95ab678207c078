import { spawnSync } from 'node:child_process';

/** Why pgbench cannot run here, or undefined when it can. */
export function pgbenchMissing(): string | undefined {
  const probe = spawnSync('pgbench', ['--version'], { encoding: 'utf8' });
  return probe.error || probe.status !== 0 ? 'pgbench is not installed on this machine' : undefined;
}

/** `pgbench -i` at `scale` on the database at `url` (its own database: pgbench creates its tables). */
export function pgbenchInit(url: string, scale: number): void {
  const result = spawnSync('pgbench', ['-i', '-q', '-s', String(scale), url], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pgbench -i failed: ${result.stderr}`);
}

/** TPC-B-like transactions per second and average latency (ms) with `clients` for `seconds`. */
export function pgbenchRun(url: string, clients: number, seconds: number): { tps: number; latencyMs: number } {
  const result = spawnSync('pgbench', ['-n', '-c', String(clients), '-j', String(Math.min(clients, 2)), '-T', String(seconds), url], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pgbench failed: ${result.stderr}`);
  const out = `${result.stdout}\n${result.stderr}`;
  const tps = /tps = ([\d.]+)/.exec(out);
  const latency = /latency average = ([\d.]+) ms/.exec(out);
  if (!tps || !latency) throw new Error(`pgbench printed no tps: ${out}`);
  return { tps: Number(tps[1]), latencyMs: Number(latency[1]) };
}
