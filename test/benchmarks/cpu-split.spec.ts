import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startCpuSplit } from '../../bench/framework/cpu-split';

/** Burns CPU for `ms` in a process of its own. */
const BURN = (ms: number) => `const until = Date.now() + ${ms}; while (Date.now() < until);`;

// The submit benchmark says who used the cores from this split: it must count a process that lives
// through the window, and one that ends inside it (pgbench), where each belongs.
(existsSync('/proc/self/stat') ? describe : describe.skip)('bench CPU split', () => {
  it('counts the server\'s CPU as the server\'s, and a tool run to its end as the baseline\'s', async () => {
    const server = spawn(process.execPath, ['-e', BURN(1500)], { stdio: 'ignore' });
    const exited = new Promise((done) => server.once('exit', done));
    const window = startCpuSplit(() => [server.pid!])!;
    // Like pgbench: run synchronously to its end inside the window.
    spawnSync(process.execPath, ['-e', BURN(600)]);
    await new Promise((r) => setTimeout(r, 400));
    const { cores, seconds } = window.read();
    await exited;

    const cpuSeconds = (k: keyof typeof cores) => cores[k] * seconds;
    // Busy for the whole window (~1 s of ~1 s), give or take a shared machine's scheduling.
    expect(cpuSeconds('server')).toBeGreaterThan(0.4);
    expect(cpuSeconds('baseline')).toBeGreaterThan(0.3);
    expect(cpuSeconds('baseline')).toBeLessThan(1.2);
    // This process slept or waited for the tool: not the tool's CPU, not the server's.
    expect(cpuSeconds('load')).toBeLessThan(0.3);
  });
});
