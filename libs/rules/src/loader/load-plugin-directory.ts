import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { LoadProblem, PluginVersion, RuleSetContent } from '../domain/rule-set';
import { validateAgainstSchema } from '../plugin-format/schema-validator';
import { contentSha256 } from './content-hash';
import { readJsonFile } from './parse-json-file';
import { validatePluginContent, ValidationTools } from './validate-plugin-content';

export interface PluginFixture {
  file: string;
  description: string;
  dataRequestIndex: number;
  /** The date whose law the fixture is screened under; absent: the day the fixtures run. */
  lawDate?: string;
  application: unknown;
  expected: { verdict: string; findings: string[]; requirements?: string[] };
}

export type LoadedPlugin =
  | { ok: true; pluginId: string; version: PluginVersion; fixtures: PluginFixture[] }
  | { ok: false; pluginId: string; version?: string; sha256?: string; problems: LoadProblem[] };

/** Names a file relative to the working directory when it lies below it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

async function loadFixtures(dir: string): Promise<{ fixtures: PluginFixture[]; problems: LoadProblem[] }> {
  const fixtures: PluginFixture[] = [];
  const problems: LoadProblem[] = [];
  let names: string[];
  try {
    names = (await readdir(join(dir, 'fixtures'))).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return { fixtures, problems };
  }
  for (const name of names) {
    const file = displayPath(join(dir, 'fixtures', name));
    const parsed = await readJsonFile(join(dir, 'fixtures', name), file);
    if (!parsed.ok) {
      problems.push(parsed.problem);
      continue;
    }
    const schemaProblems = validateAgainstSchema('fixture', file, parsed.data);
    if (schemaProblems.length > 0) {
      problems.push(...schemaProblems);
      continue;
    }
    const data = parsed.data as Omit<PluginFixture, 'file' | 'dataRequestIndex'> & { dataRequestIndex?: number };
    fixtures.push({ ...data, file, dataRequestIndex: data.dataRequestIndex ?? 0 });
  }
  return { fixtures, problems };
}

/**
 * Reads `rules/<plugin-id>/` (manifest.json, rules.json, fixtures/*.json) and validates it. Any
 * problem refuses the whole plugin; the problems name the file, the JSON path and what is wrong.
 */
export async function loadPluginDirectory(dir: string, pluginId: string, tools: ValidationTools): Promise<LoadedPlugin> {
  const files = { manifest: displayPath(join(dir, 'manifest.json')), rules: displayPath(join(dir, 'rules.json')) };
  const [manifest, rules] = await Promise.all([
    readJsonFile(join(dir, 'manifest.json'), files.manifest),
    readJsonFile(join(dir, 'rules.json'), files.rules),
  ]);
  const readProblems = [manifest, rules].flatMap((p) => (p.ok ? [] : [p.problem]));
  const { fixtures, problems: fixtureProblems } = await loadFixtures(dir);
  if (!manifest.ok || !rules.ok) return { ok: false, pluginId, problems: [...readProblems, ...fixtureProblems] };

  const content = { manifest: manifest.data, rules: rules.data };
  const problems = [...validatePluginContent(content, files, tools, pluginId), ...fixtureProblems];
  const typed = content as RuleSetContent;
  const sha256 = contentSha256(typed);
  const version = typeof typed.manifest?.version === 'string' ? typed.manifest.version : undefined;
  if (problems.length > 0) return { ok: false, pluginId, version, sha256, problems };
  return { ok: true, pluginId, version: { id: pluginId, version: typed.manifest.version, sha256, content: typed }, fixtures };
}
