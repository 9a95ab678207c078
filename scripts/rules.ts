/**
 * Rule-set plugin CLI, like `opa test`:
 *   npm run rules -- validate [dir]   validate every plugin's manifest, rules and fixtures
 *   npm run rules -- test [dir]       run every fixture; print pass/fail with the differing codes
 * The default dir is `rules/`. Exits non-zero on any failure.
 */
import { resolve } from 'node:path';
import { formatProblem, RuleSetRegistry, runFixtures } from '@kp/rules';

async function load(dir: string): Promise<{ registry: RuleSetRegistry; ok: boolean }> {
  const registry = new RuleSetRegistry();
  const report = await registry.loadDirectory(dir);
  if (report.length === 0) console.log(`no plugins found in ${dir}`);
  for (const outcome of report) {
    if (outcome.status === 'refused') {
      console.log(`FAIL ${outcome.pluginId}${outcome.version ? `@${outcome.version}` : ''}`);
      for (const e of outcome.errors ?? []) console.log(`  ${formatProblem(e)}`);
    } else {
      console.log(`ok   ${outcome.pluginId}@${outcome.version} sha256:${outcome.sha256?.slice(0, 12)}`);
    }
  }
  return { registry, ok: report.length > 0 && report.every((o) => o.status !== 'refused') };
}

async function test(registry: RuleSetRegistry): Promise<boolean> {
  const run = await runFixtures(registry);
  for (const o of run.outcomes) {
    console.log(`${o.passed ? 'PASS' : 'FAIL'} ${o.file} — ${o.description}`);
    for (const d of o.differences) console.log(`  ${d}`);
  }
  for (const gap of run.coverageGaps) console.log(`FAIL coverage ${gap.pluginId} rule ${gap.rule}: ${gap.problem}`);
  const passed = run.outcomes.filter((o) => o.passed).length;
  console.log('-'.repeat(60));
  console.log(`PASS: ${passed}/${run.outcomes.length}${run.coverageGaps.length ? `, coverage gaps: ${run.coverageGaps.length}` : ''}`);
  return run.passed;
}

async function main(): Promise<number> {
  const [command, dirArg] = process.argv.slice(2);
  if (command !== 'validate' && command !== 'test') {
    console.error('usage: npm run rules -- validate|test [dir]');
    return 2;
  }
  const dir = resolve(dirArg ?? 'rules');
  const { registry, ok } = await load(dir);
  if (!ok) return 1;
  if (command === 'validate') return 0;
  return (await test(registry)) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
