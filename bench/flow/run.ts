/**
 * The flow simulator (issue 18): `npm run simulate -- [--applications 2000] [--months 12]
 * [--caseworkers 6] [--approvers 2] [--seed 42] [--out reports/sim-<seed>]`.
 *
 * Starts the app (API + worker in process, BUSINESS_CLOCK=settable) on the embedded PostgreSQL in a
 * temporary folder, or on DATABASE_URL when set (an empty database only), plays the year over HTTP
 * and writes report.json and report.html to the output folder.
 */
import { Api } from './api';
import { DEFAULT_MODEL, FlowModel } from './model';
import { writeReport } from './report';
import { Simulation } from './simulation';
import { startApp } from './start-app';

const NUMBER_OPTIONS = ['applications', 'months', 'caseworkers', 'approvers', 'seed', 'caseworkerCapacity', 'approverCapacity', 'drainMonths'] as const;

export function parseArgs(argv: string[]): { model: FlowModel; out: string } {
  const model: FlowModel = structuredClone(DEFAULT_MODEL);
  let out: string | undefined;
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    if (name === 'out') out = value;
    else if (name === 'start') model.start = value;
    else if ((NUMBER_OPTIONS as readonly string[]).includes(name)) {
      const n = Number(value);
      if (!Number.isInteger(n) || n < (name === 'seed' ? 0 : 1)) throw new Error(`--${name} must be a whole number${name === 'seed' ? '' : ' of at least 1'}, not ${value}`);
      (model as unknown as Record<string, number>)[name] = n;
    } else throw new Error(`unknown option --${name} (known: ${[...NUMBER_OPTIONS, 'start', 'out'].map((o) => `--${o}`).join(', ')})`);
  }
  return { model, out: out ?? `reports/sim-${model.seed}` };
}

async function main(): Promise<void> {
  const { model, out } = parseArgs(process.argv.slice(2));
  const app = await startApp({ databaseUrl: process.env.DATABASE_URL });
  try {
    const log = (line: string) => console.log(`simulate: ${line}`);
    log(`${model.applications} applications over ${model.months} months, ${model.caseworkers} caseworkers, ${model.approvers} approvers, seed ${model.seed}`);
    const api = new Api(app.baseUrl, app.issuer);
    const run = await new Simulation(api, model, log).run();
    if (process.env.SIM_TIMING) for (const [route, t] of [...api.timing].sort(([, a], [, b]) => b.ms - a.ms)) log(`${route}: ${t.n} × ${(t.ms / t.n).toFixed(1)} ms`);
    log(`wall time by part of a step (parts side by side overlap): ${Object.entries(run.phases).sort(([, a], [, b]) => b - a).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
    const files = await writeReport(run, out);
    const step = files.report.run.secondsPerStep;
    log(`a working-day step took median ${step.median} s, p90 ${step.p90} s, max ${step.max} s (${step.n} steps)`);
    log(`${run.requests} requests in ${(run.wallMs / 1000).toFixed(0)} s; report: ${files.html}`);
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('simulate:', error);
      process.exit(1);
    },
  );
}
