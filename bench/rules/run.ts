/**
 * Screenings per second for one 5-source application (every data request screened), through our
 * engine (RuleSetRegistry.screen: facts, common + source plugin, engine pool, trace) and through
 * the same rules on bare json-rules-engine engines (one reused engine per plugin, facts precomputed),
 * in the same run. Not a CI test: `npm run bench:rules`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from 'json-rules-engine';
import { ApplicationInput, defaultOperatorRegistry, RuleSetRegistry } from '@kp/rules';

/** The date whose law these screenings apply (before EHDS chapter IV applies). */
const LAW_DATE = '2026-11-29';

const RULES_DIR = join(__dirname, '../../rules');
const SOURCES = ['lpr', 'lmdb', 'rkkp-dap', 'epj-region-midtjylland', 'biobank-dnb'];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);

function fiveSourceApplication(): ApplicationInput {
  const base = JSON.parse(readFileSync(join(RULES_DIR, 'common/fixtures/clean-public-research.json'), 'utf8')).application as ApplicationInput;
  return { ...base, dataRequests: SOURCES.map((dataSourceId) => ({ ...base.dataRequests[0], dataSourceId })) };
}

async function measure(label: string, screenOnce: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 200; i++) await screenOnce(); // warm-up
  let count = 0;
  const started = process.hrtime.bigint();
  const until = started + BigInt(SECONDS * 1e9);
  while (process.hrtime.bigint() < until) {
    await screenOnce();
    count++;
  }
  const perSecond = count / (Number(process.hrtime.bigint() - started) / 1e9);
  console.log(`${label.padEnd(34)} ${perSecond.toFixed(0).padStart(8)} screenings/s (${count} in ${SECONDS}s, 5 data requests each)`);
  return perSecond;
}

async function main(): Promise<void> {
  const registry = new RuleSetRegistry();
  const report = await registry.loadDirectory(RULES_DIR);
  const refused = report.filter((o) => o.status === 'refused');
  if (refused.length) throw new Error(`refused plugins: ${refused.map((o) => o.pluginId).join(', ')}`);
  const application = fiveSourceApplication();

  // The same rules on bare engines: one per plugin, built once, with the facts our screening computed.
  const operators = defaultOperatorRegistry();
  const bare = new Map<string, Engine>();
  for (const version of registry.activeVersions()) {
    const engine = new Engine(version.content.rules.rules as never[], { allowUndefinedFacts: false, replaceFactsInEventParams: true });
    operators.installInto(engine);
    bare.set(version.id, engine);
  }
  const bareRequests = await Promise.all(
    application.dataRequests.map(async (_, i) => {
      const result = await registry.screen(application, i, LAW_DATE);
      return { facts: result.facts, engines: result.ruleSets.map((r) => bare.get(r.id)!) };
    }),
  );

  console.log(`5-source application: ${SOURCES.join(', ')}; ${registry.activeVersions().length} plugins`);
  const ours = await measure('kontaktpunkt RuleSetRegistry', async () => {
    for (let i = 0; i < application.dataRequests.length; i++) await registry.screen(application, i, LAW_DATE);
  });
  const baseline = await measure('bare json-rules-engine', async () => {
    for (const request of bareRequests) for (const engine of request.engines) await engine.run({ ...request.facts });
  });
  console.log(`ratio ours/bare: ${(ours / baseline).toFixed(2)} (bare is ${(baseline / ours).toFixed(2)}× faster)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
