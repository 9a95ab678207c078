import { Figure, Spread } from './benchmark';

export function spread(samples: number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], samples };
}

/**
 * Runs each variant once per round, alternating which goes first, so load on the shared machine
 * hits all of them alike; returns each variant's samples.
 */
export async function alternate<K extends string>(rounds: number, variants: Record<K, () => Promise<number>>): Promise<Record<K, number[]>> {
  const names = Object.keys(variants) as K[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) samples[name].push(await variants[name]());
  }
  return samples;
}

/** Operations per second of `once` over `seconds` of wall time, after `warmup` calls. */
export async function perSecond(once: () => Promise<unknown> | unknown, seconds: number, warmup = 0): Promise<number> {
  for (let i = 0; i < warmup; i++) await once();
  let count = 0;
  const started = process.hrtime.bigint();
  const until = started + BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() < until) {
    await once();
    count++;
  }
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

export async function millis(run: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** The p-th percentile (0–100) of a list of values. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** A figure with its ratio against the baseline and whether its target is met. */
export function figure(f: Omit<Figure, 'ratio' | 'met'> & { meets?: (f: Figure) => boolean }): Figure {
  const { meets, ...rest } = f;
  const base = rest.baseline?.spread?.median;
  const ratio = base === undefined || base === 0 || rest.ours.median === 0 ? undefined : rest.better === 'higher' ? rest.ours.median / base : base / rest.ours.median;
  const out: Figure = { ...rest, ratio };
  if (meets) out.met = meets(out);
  return out;
}
