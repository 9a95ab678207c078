import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** Keeps the monorepo's lists of libraries in step with libs/, so a new library is not half-registered. */
const root = resolve(__dirname, '..');
const libraries = readdirSync(join(root, 'libs')).filter((name) => existsSync(join(root, 'libs', name, 'src', 'index.ts')));
const json = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));
const tsFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? tsFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));

describe('workspace', () => {
  it('lists every library under libs/ as a nest-cli.json project', () => {
    const projects = json('nest-cli.json').projects as Record<string, { type: string; root: string; sourceRoot: string }>;
    for (const name of libraries) {
      expect(projects[name]).toMatchObject({ type: 'library', root: `libs/${name}`, sourceRoot: `libs/${name}/src` });
    }
  });

  it('maps every library under libs/ to @kp/<name> in tsconfig.json', () => {
    const paths = json('tsconfig.json').compilerOptions.paths as Record<string, string[]>;
    for (const name of libraries) expect(paths[`@kp/${name}`]).toEqual([`libs/${name}/src`]);
  });

  it('keeps the HTTP library out of domain and persistence code: only apps and libs/http import @kp/http', () => {
    const importers = tsFiles(join(root, 'libs'))
      .map((file) => relative(root, file))
      .filter((file) => !file.startsWith(join('libs', 'http') + sep))
      .filter((file) => /from '@kp\/http'|require\('@kp\/http'\)|import\('@kp\/http'\)/.test(readFileSync(join(root, file), 'utf8')));
    expect(importers).toEqual([]);
  });
});
