/**
 * The queue page's render time for 100 rows (issue 12): the console's QueueTable with 100 cases,
 * rendered in Debian's Chromium (playwright-core) from a production build of this folder's page,
 * timed from the rows arriving to the layout being computed. Baseline, alternating in the same
 * run and page: the same rows, classes and text as a table built with plain DOM calls — the floor
 * any framework adds to. Each round's sample is the median of BENCH_CONSOLE_RENDERS renders (30;
 * smoke 5). Measured, not asserted: no test fails on it.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { Benchmark, BenchmarkSkipped, Figure } from '../framework/benchmark';
import { alternate, figure, spread } from '../framework/measure';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROWS = 100;
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff', '.svg': 'image/svg+xml', '.png': 'image/png' };

/** Serves the built page from `dir` on a free local port. */
async function serve(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    const file = path.endsWith('/') ? join(path, 'index.html') : path;
    if (!file.startsWith(dir) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise((ok) => server.close(() => ok())) };
}

const median = (values: number[]) => spread(values).median;

export const consoleQueueBenchmark: Benchmark = {
  name: 'console-queue',
  description: `the console's queue table with ${ROWS} rows rendered in Chromium (React + FDS) vs the same table built with plain DOM calls`,
  database: false,
  async run(context): Promise<Figure[]> {
    if (!existsSync(CHROMIUM)) throw new BenchmarkSkipped(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or CHROMIUM_PATH)`);
    const out = context.tempDir('console-queue');
    const vite = resolve(__dirname, '../../node_modules/vite/bin/vite.js');
    execFileSync(process.execPath, [vite, 'build', '--config', join(__dirname, 'vite.config.mts'), '--outDir', out, '--mode', 'production'], { stdio: 'inherit' });
    const site = await serve(out);
    context.defer(() => site.close());
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    context.defer(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(site.url);
    await page.waitForFunction(() => (globalThis as unknown as { kpBench?: { ready: boolean } }).kpBench?.ready === true);
    const renders = context.size === 'smoke' ? 5 : Number(process.env.BENCH_CONSOLE_RENDERS ?? 30);
    const run = (fn: 'renderQueue' | 'renderBaseline') => async () =>
      median(await page.evaluate(({ fn, rows, renders }) => Array.from({ length: renders }, () => (globalThis as unknown as { kpBench: Record<string, (n: number) => number> }).kpBench[fn](rows)), { fn, rows: ROWS, renders }));
    // One warm-up of each: the first render compiles the code paths and loads the fonts.
    await run('renderQueue')();
    await run('renderBaseline')();
    const samples = await alternate(context.rounds, { ours: run('renderQueue'), baseline: run('renderBaseline') });
    context.log(`chromium ${browser.version()}; ${renders} renders a round; ours ${samples.ours.map((v) => v.toFixed(1)).join(', ')} ms; plain DOM ${samples.baseline.map((v) => v.toFixed(1)).join(', ')} ms`);
    return [
      figure({
        benchmark: 'console-queue',
        figure: `queue table, ${ROWS} rows: render to layout (median of ${renders})`,
        unit: 'ms',
        better: 'lower',
        ours: spread(samples.ours),
        baseline: { name: 'the same table by plain DOM calls', spread: spread(samples.baseline) },
        target: 'measured, not asserted',
        note: 'production build; React commit forced synchronous, then a layout read',
      }),
    ];
  },
};
