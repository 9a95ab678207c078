import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Keeps the monorepo's lists of libraries in step with libs/, so a new library is not half-registered. */
const root = resolve(__dirname, '..');
const libraries = readdirSync(join(root, 'libs')).filter((name) => existsSync(join(root, 'libs', name, 'src', 'index.ts')));
const json = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));

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
});
