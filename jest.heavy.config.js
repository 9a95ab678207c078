/**
 * The heavy suites (fault injection, the flow simulation, benchmark smoke runs): real processes and
 * minutes each, so they run once per CI run pair — in the embedded run only (scripts/test-heavy.mjs).
 * Files are named `*.heavy-spec.ts`; the main Jest run never picks them up.
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testRegex: '(test|bench)/.*\\.heavy-spec\\.ts$',
  // Each heavy file sets its own budget with jest.setTimeout; this is the ceiling for one test.
  testTimeout: 15 * 60 * 1000,
  // One at a time: these suites start their own PostgreSQL, Redis and app processes.
  maxWorkers: 1,
};
