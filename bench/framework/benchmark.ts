/**
 * What one benchmark is and what it reports. Every figure is measured for ours and for a baseline
 * alternating in the same run (the machine is shared: a ratio holds where absolute figures do not),
 * over at least three rounds, and reported as median and range.
 */
export interface Spread {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

export interface Figure {
  benchmark: string;
  figure: string;
  unit: string;
  /** Whether more is better (throughput) or less is (latency, memory). */
  better: 'higher' | 'lower';
  ours: Spread;
  baseline?: { name: string; spread?: Spread; skipped?: string };
  /** ours/baseline for `higher`, baseline/ours for `lower`: above 1 means ours is ahead. */
  ratio?: number;
  target?: string;
  met?: boolean;
  note?: string;
}

/** `full`: the sizes the issue names (1,000,000 cases/events); `smoke`: tiny, so CI keeps them from rotting. */
export type BenchSize = 'full' | 'smoke';

export interface BenchContext {
  size: BenchSize;
  rounds: number;
  /** A fresh database on the run's server, with every migration applied when `migrated`; dropped when the benchmark ends. */
  database(label: string, options?: { migrated?: boolean }): Promise<string>;
  /** The run's server admin URL (DATABASE_URL or the embedded one). */
  adminUrl: string;
  /** A temporary folder, removed when the benchmark ends. */
  tempDir(label: string): string;
  /** Runs `cleanup` when the benchmark ends (its app stopped, before the next starts), latest first. */
  defer(cleanup: () => Promise<void> | void): void;
  log(message: string): void;
}

export interface Benchmark {
  name: string;
  description: string;
  /** false: needs no PostgreSQL (a run of only such benchmarks starts none). */
  database?: false;
  run(context: BenchContext): Promise<Figure[]>;
}

/**
 * Thrown by a benchmark that cannot run on this machine for want of a tool (Chromium for the
 * console): the run reports it as skipped, with the reason, as it does a missing baseline (pgbench),
 * and does not fail for it.
 */
export class BenchmarkSkipped extends Error {
  override readonly name = 'BenchmarkSkipped';
}
