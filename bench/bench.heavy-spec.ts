import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { BENCHMARKS } from './benchmarks';
import { runBenchmarks } from './framework/run-benchmarks';

/**
 * Every benchmark once at a tiny size, so none rots between the runs that matter (CI runs this in
 * its embedded run; `npm run bench` is never run in CI). A baseline missing here (pgbench) is
 * reported as skipped, not failed. Every temporary folder is removed afterwards.
 */
jest.setTimeout(30 * 60 * 1000);

/** All of them: the six ran at smoke size in 7.7 minutes together on the 2-core machine at a load average of 18. */
const selected = BENCHMARKS;

describe('benchmarks at smoke size', () => {
  const leftovers = () => readdirSync(tmpdir()).filter((name) => name.startsWith('kp-bench-'));

  it.each(selected.map((b) => b.name))('%s runs and reports every figure with a median and a range', async (name) => {
    const before = new Set(leftovers());
    const result = await runBenchmarks(BENCHMARKS.filter((b) => b.name === name), { size: 'smoke', rounds: 3, log: () => undefined });
    expect(result.failures).toEqual([]);
    // CI installs every tool a benchmark needs (Chromium, pgbench): a skip here would hide one that rots.
    expect(result.skipped).toEqual([]);
    expect(result.figures.length).toBeGreaterThan(0);
    for (const f of result.figures) {
      expect(f.ours.samples).toHaveLength(3);
      expect(f.ours.min).toBeLessThanOrEqual(f.ours.median);
      expect(f.ours.median).toBeLessThanOrEqual(f.ours.max);
      if (f.baseline && !f.baseline.skipped) expect(f.baseline.spread!.samples).toHaveLength(3);
    }
    expect(leftovers().filter((d) => !before.has(d) && existsSync(`${tmpdir()}/${d}`))).toEqual([]);
  });
});
