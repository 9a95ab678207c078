import { readFileSync, rmSync } from 'node:fs';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inc } from 'semver';

export const SHIPPED_RULES = join(__dirname, '../../../../rules');

/** The version of a shipped plugin, so that tests need no change when its authors raise it. */
export const shippedVersion = (pluginId: string): string => JSON.parse(readFileSync(join(SHIPPED_RULES, pluginId, 'manifest.json'), 'utf8')).version;

/** The next patch version, as an author raises it for a change. */
export const nextPatch = (version: string): string => inc(version, 'patch')!;

/** Scratch copies made in this process, removed when it exits (a test file's worker). */
const made = new Set<string>();
let removeAtExit = false;

/** A scratch copy of some shipped plugins that a test may break; removed when the process exits. */
export class TestPluginDir {
  private constructor(readonly dir: string) {}

  static async copyOf(...pluginIds: string[]): Promise<TestPluginDir> {
    const dir = await mkdtemp(join(tmpdir(), 'kp-rules-'));
    made.add(dir);
    if (!removeAtExit) {
      removeAtExit = true;
      process.once('exit', () => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
    }
    for (const id of pluginIds) await cp(join(SHIPPED_RULES, id), join(dir, id), { recursive: true });
    return new TestPluginDir(dir);
  }

  file(pluginId: string, name: string): string {
    return join(this.dir, pluginId, name);
  }

  async readJson<T = any>(pluginId: string, name: string): Promise<T> {
    return JSON.parse(await readFile(this.file(pluginId, name), 'utf8')) as T;
  }

  async writeJson(pluginId: string, name: string, data: unknown): Promise<void> {
    await writeFile(this.file(pluginId, name), JSON.stringify(data, null, 2));
  }

  async writeText(pluginId: string, name: string, text: string): Promise<void> {
    await writeFile(this.file(pluginId, name), text);
  }

  /** Edits a JSON file and raises the plugin's patch version, as an author would. */
  async edit(pluginId: string, name: string, change: (data: any) => void): Promise<void> {
    const data = await this.readJson(pluginId, name);
    change(data);
    await this.writeJson(pluginId, name, data);
    if (name !== 'manifest.json') await this.bumpVersion(pluginId);
  }

  async bumpVersion(pluginId: string, version?: string): Promise<void> {
    const manifest = await this.readJson(pluginId, 'manifest.json');
    manifest.version = version ?? nextPatch(manifest.version);
    await this.writeJson(pluginId, 'manifest.json', manifest);
  }
}
