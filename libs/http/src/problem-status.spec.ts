import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DEFAULT_PROBLEM_STATUS, hasProblemStatus, PROBLEM_STATUS, problemStatus } from './problem-status';

/** Every domain error code thrown in libs/ or apps/, read from the source so a new one cannot slip past the table. */
const root = resolve(__dirname, '../../..');
const sources = ['libs', 'apps'].flatMap((dir) => tsFiles(join(root, dir))).filter((file) => !/\.(spec|int-spec|e2e-spec)\.ts$/.test(file));

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? tsFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** The first argument of each `new DomainError(` and of each `super(` in a direct subclass: a literal code, or what stands there instead. */
function thrownCodes(): { file: string; code: string | undefined; call: string }[] {
  return sources.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const calls = [...text.matchAll(/new DomainError\(\s*([^,)]*)/g)];
    if (/extends DomainError\b/.test(text)) calls.push(...text.matchAll(/\bsuper\(\s*([^,)]*)/g));
    return calls.map((match) => ({ file: relative(root, file), code: /^'([a-z-]+)'$/.exec(match[1].trim())?.[1], call: match[0] }));
  });
}

describe('problem status of domain error codes', () => {
  const thrown = thrownCodes();

  it('finds the codes thrown across the libraries', () => {
    expect(thrown.map((t) => t.code)).toEqual(expect.arrayContaining(['command-not-allowed', 'not-found', 'stale-version', 'bad-cursor', 'validation', 'conflict-of-interest']));
  });

  it('names every code as a literal, so this test can see it', () => {
    expect(thrown.filter((t) => t.code === undefined)).toEqual([]);
  });

  it('has a status for every code thrown in libs/ and apps/', () => {
    expect(thrown.filter((t) => t.code !== undefined && !hasProblemStatus(t.code))).toEqual([]);
  });

  it('has no row for a code nothing throws', () => {
    const codes = new Set(thrown.map((t) => t.code));
    expect(Object.keys(PROBLEM_STATUS).filter((code) => !codes.has(code))).toEqual([]);
  });

  it('answers a code without a row with the default, a client error', () => {
    expect(problemStatus('no-such-code')).toBe(DEFAULT_PROBLEM_STATUS);
    expect(problemStatus('constructor')).toBe(DEFAULT_PROBLEM_STATUS);
    expect(problemStatus('stale-version')).toBe(412);
  });
});
