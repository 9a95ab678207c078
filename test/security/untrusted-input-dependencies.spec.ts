import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * docs/security.md lists the production dependencies that read untrusted input, with the version
 * installed. This test reads each from the module the app actually loads (express and body-parser
 * as @nestjs/platform-express resolves them) and from package-lock.json, so the document cannot
 * fall behind an update: `UPDATE_SECURITY_DOC=1 npx jest test/security/untrusted-input` rewrites
 * the table when the lock file moves.
 */
const ROOT = resolve(__dirname, '../..');
const DOC = join(ROOT, 'docs/security.md');
const BEGIN = '<!-- BEGIN GENERATED dependencies: UPDATE_SECURITY_DOC=1 npx jest test/security/untrusted-input rewrites it -->';
const END = '<!-- END GENERATED dependencies -->';

/** What each handles, and where the app loads it from (a package whose resolution to follow). */
const DEPENDENCIES: { name: string; handles: string; loadedBy?: string }[] = [
  { name: 'express', handles: 'every HTTP request: routing, headers, query strings (`qs`), `trust proxy`', loadedBy: '@nestjs/platform-express' },
  { name: 'body-parser', handles: 'JSON request bodies, up to the 100 kB limit', loadedBy: '@nestjs/platform-express' },
  { name: 'jose', handles: 'bearer tokens: JWS parsing and signature verification, JWKS documents fetched from the OIDC provider' },
  { name: 'class-transformer', handles: 'turns parsed bodies and queries into DTO instances' },
  { name: 'class-validator', handles: 'validates every DTO field (whitelist, forbidNonWhitelisted)' },
  { name: 'pg', handles: 'sends request values to PostgreSQL as bind parameters, reads the results' },
  { name: 'helmet', handles: 'sets the security headers on every response (reads the request path)' },
  { name: '@nestjs/throttler', handles: 'counts requests per address and per token subject; reads the client address' },
  { name: '@nest-lab/throttler-storage-redis', handles: 'keeps those counters in Redis when REDIS_URL is set (keys are hashes, never addresses)' },
];

/** The folder of the package `name` as Node resolves it from `from`, found by walking up from its entry point. */
function packageDir(name: string, from: string): string {
  let dir = dirname(require.resolve(name, { paths: [from] }));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).name === name) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json of ${name} above ${require.resolve(name, { paths: [from] })}`);
    dir = parent;
  }
}

interface Installed {
  name: string;
  handles: string;
  installed: string;
  locked: string | undefined;
}

function installed(): Installed[] {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  const modules = realpathSync(join(ROOT, 'node_modules'));
  return DEPENDENCIES.map(({ name, handles, loadedBy }) => {
    const from = loadedBy ? packageDir(loadedBy, ROOT) : ROOT;
    const dir = realpathSync(packageDir(name, from));
    const lockKey = `node_modules/${relative(modules, dir).split('\\').join('/')}`;
    return { name, handles, installed: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version, locked: lock.packages[lockKey]?.version };
  });
}

function renderTable(rows: Installed[]): string {
  return ['| package | version | handles |', '|---|---|---|', ...rows.map((row) => `| \`${row.name}\` | ${row.installed} | ${row.handles} |`)].join('\n');
}

describe('docs/security.md: dependencies that handle untrusted input', () => {
  it('installs each at the version package-lock.json pins', () => {
    const rows = installed();
    expect(rows.filter((row) => row.locked !== row.installed).map(({ name, installed: i, locked }) => ({ name, installed: i, locked }))).toEqual([]);
  });

  it('lists each with its installed version', () => {
    const written = readFileSync(DOC, 'utf8');
    const from = written.indexOf(BEGIN);
    const to = written.indexOf(END);
    if (from < 0 || to < from) throw new Error(`docs/security.md lacks the markers of the dependency table:\n${BEGIN}\n${END}`);
    const rendered = `${written.slice(0, from)}${BEGIN}\n${renderTable(installed())}\n${written.slice(to)}`;
    if (process.env.UPDATE_SECURITY_DOC === '1') writeFileSync(DOC, rendered);
    expect(written).toBe(rendered);
  });
});
