/**
 * The simulation's only source of chance: a seeded PRNG (mulberry32), so one seed gives one year.
 * Math.random is never used; every draw is made in a fixed order, before any request is sent.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** One of `weights`' keys, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [key, w] of entries) {
      r -= w;
      if (r < 0) return key;
    }
    return entries[entries.length - 1][0];
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Poisson by inversion (small means: arrivals per day). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k += 1;
      p *= this.next();
    }
    return k;
  }
}

/**
 * A delay in days: log-normal with the given median and p90 (right-skewed, as waiting times are),
 * rounded to whole days, at least `min`.
 */
export interface DelayDistribution {
  medianDays: number;
  p90Days: number;
  minDays?: number;
  /** Where the figure comes from (Findata's published figures, or "assumption"). */
  source: string;
}

export function drawDays(prng: Prng, d: DelayDistribution): number {
  const sigma = Math.log(d.p90Days / d.medianDays) / 1.2816;
  const days = Math.round(d.medianDays * Math.exp(sigma * prng.normal()));
  return Math.max(d.minDays ?? 0, days);
}
