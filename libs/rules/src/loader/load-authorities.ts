import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { AnalysisEnvironmentEntry, AUTHORITIES_FILE, AuthoritiesFile, DecidingAuthority } from '../domain/authorities';
import { LoadProblem } from '../domain/rule-set';
import { jsonPath } from '../plugin-format/json-path';
import { validateAgainstSchema } from '../plugin-format/schema-validator';
import { displayPath } from './load-plugin-directory';
import { readJsonFile } from './parse-json-file';

export type LoadedAuthorities = { ok: true; authorities: DecidingAuthority[]; environments: AnalysisEnvironmentEntry[] } | { ok: false; problems: LoadProblem[] };

/**
 * Reads `authorities.json` from the rule-set directory; a directory without one has no entries
 * (every decision then gets the guidance for an authority without a confirmed entry).
 */
export async function loadAuthorities(dir: string): Promise<LoadedAuthorities> {
  const path = join(dir, AUTHORITIES_FILE);
  try {
    await access(path);
  } catch {
    return { ok: true, authorities: [], environments: [] };
  }
  const file = displayPath(path);
  const parsed = await readJsonFile(path, file);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  const problems = validateAgainstSchema('authorities', file, parsed.data);
  if (problems.length > 0) return { ok: false, problems };
  const { authorities, environments = [] } = parsed.data as AuthoritiesFile;
  const seen = new Map<string, number>();
  authorities.forEach((a, i) => {
    const key = a.name.trim();
    if (seen.has(key)) problems.push({ file, path: jsonPath(['authorities', i, 'name']), problem: `authority "${key}" is listed twice, first at authorities[${seen.get(key)}]` });
    seen.set(key, i);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, authorities, environments };
}
