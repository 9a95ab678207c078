/**
 * Screens the rules benchmark's 5-source application through `RuleSetRegistry.screen` in a loop and
 * writes a CPU profile of that loop alone (after loading and a warm-up), for finding our hot path:
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/rules/profile.ts [seconds] [out.cpuprofile]
 * Open the profile in Chrome DevTools or VS Code.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { fiveSourceApplication, LAW_DATE, rulesEngines } from './rules.bench';

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 10);
  const out = process.argv[3] ?? 'rules.cpuprofile';
  const { registry } = await rulesEngines();
  const application = fiveSourceApplication();
  const once = async () => {
    for (let i = 0; i < application.dataRequests.length; i++) await registry.screen(application, i, LAW_DATE);
  };
  for (let i = 0; i < 500; i++) await once();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  let screenings = 0;
  const started = process.hrtime.bigint();
  const until = started + BigInt(seconds * 1e9);
  while (process.hrtime.bigint() < until) {
    await once();
    screenings++;
  }
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(out, JSON.stringify(profile));
  console.log(`${(screenings / elapsed).toFixed(1)} screenings/s (5 data requests each), profile in ${out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
