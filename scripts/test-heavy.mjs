#!/usr/bin/env node
// The heavy suites (test/faults, the simulation, benchmark smoke runs) run in one of CI's two runs:
// the embedded one (no DATABASE_URL). They start their own servers, so the second run would only
// repeat them. HEAVY_SUITES=1 forces them, HEAVY_SUITES=0 skips them, HEAVY_SUITES=all also runs what
// has not yet passed within CI's time budget on this project's 2-core machine (PENDING, empty since
// every fault scenario passes; the benchmark smoke runs have their own list in bench/bench.heavy-spec.ts).
import { spawnSync } from 'node:child_process';

const forced = process.env.HEAVY_SUITES;
const run = forced === '1' || forced === 'all' || (forced !== '0' && !process.env.DATABASE_URL);
const PENDING = [];
// `--option=value`: Jest's array options take every following bare word as one more value, so
// `npm run test:heavy -- test/console` would otherwise ignore test/console and run everything else.
const ignore = forced === 'all' ? [] : PENDING.map((path) => `--testPathIgnorePatterns=${path}`);
if (!run) {
  console.log('test:heavy: skipped here (they run in the embedded run; HEAVY_SUITES=1 forces them)');
  process.exit(0);
}
// The fault suite and the simulator run the built API and worker (the production layout): build
// them from the code under test, never reuse an older dist/.
for (const app of ['api', 'worker']) {
  const build = spawnSync('npx', ['nest', 'build', app], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const result = spawnSync('npx', ['jest', '--config', 'jest.heavy.config.js', '--passWithNoTests', ...ignore, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
