import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * scripts/check-web-bundle.mjs, which `npm run build:web` runs: the first page's JS (the entry and
 * its static imports, not what import() loads later) must stay under the budget of issue 12,
 * 200 kB gzipped; over it the build fails saying by how much. Checked on a made-up build whose
 * gzipped sizes are known: random bytes do not compress, so n random bytes gzip to just over n.
 */
const SCRIPT = resolve(__dirname, '../../scripts/check-web-bundle.mjs');

describe('the first page JS budget checked at build', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'web-budget-'));
    mkdirSync(join(dir, '.vite'));
    mkdirSync(join(dir, 'assets'));
    const file = (name: string, bytes: number) => writeFileSync(join(dir, 'assets', name), randomBytes(bytes));
    file('index.js', 120_000);
    file('vendor.js', 60_000);
    file('overview.js', 100_000);
    writeFileSync(
      join(dir, '.vite', 'manifest.json'),
      JSON.stringify({
        'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_vendor.js'], dynamicImports: ['src/overview.tsx'] },
        '_vendor.js': { file: 'assets/vendor.js' },
        'src/overview.tsx': { file: 'assets/overview.js', isDynamicEntry: true, imports: ['_vendor.js'] },
      }),
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const check = (limitKb: number) => spawnSync(process.execPath, [SCRIPT, dir, String(limitKb)], { encoding: 'utf8' });

  it('passes under the limit and prints the figure: the entry and its static import count, the lazily loaded page does not', () => {
    const result = check(200);
    expect(result.status).toBe(0);
    // 180,000 random bytes gzip to a little more than 180.0 kB; with the overview it would be 280 kB.
    expect(result.stdout).toMatch(/first page JS: 180\.\d kB gzipped in 2 file\(s\)/);
    expect(result.stdout).toContain('limit 200 kB');
  });

  it('fails over the limit with a message that says the figure, the limit and by how much', () => {
    const result = check(150);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/web bundle check FAILED: first page JS: 180\.\d kB gzipped .*limit 150 kB/);
    expect(result.stderr).toMatch(/It is 30\.\d kB over/);
  });

  it('says how to build when there is no build', () => {
    rmSync(join(dir, '.vite'), { recursive: true });
    const result = check(200);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('npm run build:web');
  });
});
