import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startCpuSplit } from '../../bench/framework/cpu-split';

/**
 * Burns `ms` of CPU (not of wall time: on a loaded machine a process gets only part of a core) in a
 * process of its own, then says so; `stay` keeps it alive afterwards until it is killed.
 */
const BURN = (ms: number, stay: boolean) =>
  `const used = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; }; while (used() < ${ms}); ` +
  (stay ? `process.stdout.write('burnt'); setInterval(() => undefined, 1000);` : '');

// The submit benchmark says who used the cores from this split: it must count a process that lives
// through the window, and one that ends inside it (pgbench), where each belongs.
(existsSync('/proc/self/stat') ? describe : describe.skip)('bench CPU split', () => {
  it('counts the server\'s CPU as the server\'s, and a tool run to its end as the baseline\'s', async () => {
    let serverPid = 0;
    const window = startCpuSplit(() => [serverPid])!;
    const server = spawn(process.execPath, ['-e', BURN(500, true)], { stdio: ['ignore', 'pipe', 'ignore'] });
    serverPid = server.pid!;
    const burnt = new Promise((done) => server.stdout!.once('data', done));
    // Like pgbench: run synchronously to its end inside the window.
    spawnSync(process.execPath, ['-e', BURN(400, false)]);
    await burnt;
    // Read while the server still lives, as the benchmark reads its app.
    const { cores, seconds } = window.read();
    server.kill();

    const cpuSeconds = (k: keyof typeof cores) => cores[k] * seconds;
    // At least what each burnt, less two of /proc's 10 ms ticks; at most that and a Node start-up.
    expect(cpuSeconds('server')).toBeGreaterThanOrEqual(0.48);
    expect(cpuSeconds('server')).toBeLessThan(1.2);
    expect(cpuSeconds('baseline')).toBeGreaterThanOrEqual(0.38);
    expect(cpuSeconds('baseline')).toBeLessThan(1.1);
    // This process only waited: not the tool's CPU, not the server's.
    expect(cpuSeconds('load')).toBeLessThan(0.3);
  });
});
