/**
 * `npm run bench` runs every benchmark; `npm run bench -- <name> [<name>…]` runs those. Each measures
 * ours and a baseline alternating in the same run against a real PostgreSQL (DATABASE_URL, or the
 * embedded one), prints one table and writes bench/results.json (not committed: it describes one
 * machine at one moment; docs/benchmarks.md holds the table we keep).
 * BENCH_SIZE=smoke runs them tiny; BENCH_ROUNDS sets the rounds (at least 3).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCHMARKS } from './benchmarks';
import { BenchSize } from './framework/benchmark';
import { renderTable, runBenchmarks } from './framework/run-benchmarks';

async function main(): Promise<void> {
  const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(', ')}; there are ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  const size = (process.env.BENCH_SIZE ?? 'full') as BenchSize;
  if (size !== 'full' && size !== 'smoke') throw new Error(`BENCH_SIZE="${size}" must be full or smoke`);
  const rounds = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 3));
  const result = await runBenchmarks(names.length ? BENCHMARKS.filter((b) => names.includes(b.name)) : BENCHMARKS, { size, rounds });
  const table = renderTable(result);
  console.log(`\n${table}\n`);
  writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify({ ...result, table }, null, 2)}\n`);
  if (result.failures.length) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
