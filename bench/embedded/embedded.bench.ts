/**
 * `npm start` without DATABASE_URL: cold start (a new DATA_DIR: initdb, migrations, app) and warm
 * start (the same DATA_DIR again) until /health/ready answers, and the proportional set size (PSS)
 * of the whole tree — app, launcher and the embedded PostgreSQL — once ready and after a few
 * requests. There is no peer to run alongside; the targets are the limits.
 */
import { Benchmark, Figure } from '../framework/benchmark';
import { ensureBuilt, processTree, pssMb, startApp } from '../framework/app-process';
import { figure, spread } from '../framework/measure';

export const embeddedBenchmark: Benchmark = {
  name: 'embedded',
  description: 'npm start with the embedded PostgreSQL: cold and warm start to ready, PSS memory of the process tree',
  async run(context): Promise<Figure[]> {
    ensureBuilt(context.log);
    const cold: number[] = [];
    const warm: number[] = [];
    const coldCpu: number[] = [];
    const warmCpu: number[] = [];
    const memory: number[] = [];
    for (let round = 0; round < context.rounds; round++) {
      const dataDir = context.tempDir('embedded');
      const first = await startApp(dataDir, {});
      cold.push(first.readyMs);
      coldCpu.push(first.readyCpuSeconds * 1000);
      await first.stop();
      const second = await startApp(dataDir, {});
      warm.push(second.readyMs);
      warmCpu.push(second.readyCpuSeconds * 1000);
      const headers = { Authorization: `Bearer ${await second.token({ sub: 'researcher-1', role: 'researcher', organisation: '31119103' })}` };
      for (let i = 0; i < 20; i++) await (await fetch(`${second.url}/v1/applications`, { headers })).arrayBuffer();
      memory.push(processTree(second.pid).reduce((sum, pid) => sum + (pssMb(pid) ?? 0), 0));
      await second.stop();
    }
    return [
      figure({ benchmark: 'embedded', figure: 'cold start to ready', unit: 'ms', better: 'lower', ours: spread(cold), target: '< 5 s', meets: (f) => f.ours.median < 5000, note: 'initdb + migrations + app' }),
      figure({ benchmark: 'embedded', figure: 'warm start to ready', unit: 'ms', better: 'lower', ours: spread(warm), target: '< 5 s', meets: (f) => f.ours.median < 5000 }),
      figure({ benchmark: 'embedded', figure: 'cold start: CPU time to ready', unit: 'ms', better: 'lower', ours: spread(coldCpu), note: 'user + system of launcher, PostgreSQL (initdb included) and app processes: what the start costs whatever the load' }),
      figure({ benchmark: 'embedded', figure: 'warm start: CPU time to ready', unit: 'ms', better: 'lower', ours: spread(warmCpu) }),
      figure({ benchmark: 'embedded', figure: 'PSS of the process tree', unit: 'MB', better: 'lower', ours: spread(memory), target: '< 400 MB', meets: (f) => f.ours.median < 400, note: 'app + launcher + PostgreSQL, after 20 requests' }),
    ];
  },
};
