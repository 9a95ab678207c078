import { libraries, libraryImports, migrationsCreatingTables, ownedTablesFile, ownersByTable, transitiveReduction } from './codebase';

/**
 * The generated parts of docs/architecture.md, rendered from the code: the dependency diagram with
 * each library's imports and tables, and the table → owner list. The text around them is written by
 * people; each generated part sits between its BEGIN/END markers and is replaced whole.
 */
export const GENERATED_SECTIONS = {
  dependencies: renderDependencies,
  tables: renderTables,
} as const;

export type SectionName = keyof typeof GENERATED_SECTIONS;

const begin = (name: string) => `<!-- BEGIN GENERATED ${name}: UPDATE_ARCHITECTURE_DOC=1 npx jest test/architecture rewrites it -->`;
const end = (name: string) => `<!-- END GENERATED ${name} -->`;

/** The document with every generated section rendered afresh; throws when a section's markers are missing. */
export function withGeneratedSections(document: string): string {
  let out = document;
  for (const [name, render] of Object.entries(GENERATED_SECTIONS)) {
    const from = out.indexOf(begin(name));
    const to = out.indexOf(end(name));
    if (from < 0 || to < from) throw new Error(`docs/architecture.md lacks the markers of the generated section "${name}":\n${begin(name)}\n${end(name)}`);
    out = `${out.slice(0, from)}${begin(name)}\n${render()}\n${out.slice(to)}`;
  }
  return out;
}

/** An empty section, for a document being started. */
export const emptySection = (name: SectionName) => `${begin(name)}\n${end(name)}`;

const nodeId = (library: string) => library.replace(/[^a-z0-9]/g, '_');
const code = (text: string) => `\`${text}\``;

function renderDependencies(): string {
  const imports = libraryImports();
  const reduced = transitiveReduction(imports);
  const owned = new Map<string, string[]>();
  for (const [table, [owner]] of [...ownersByTable()].sort(([a], [b]) => a.localeCompare(b))) owned.set(owner, [...(owned.get(owner) ?? []), table]);
  const names = libraries();
  return [
    'An arrow `a --> b` means that library `a` imports `@kp/b`. An import that a longer path already',
    'implies is not drawn; the table under the diagram lists every direct import.',
    '',
    '```mermaid',
    'flowchart TD',
    ...names.map((library) => `  ${nodeId(library)}[${library}]`),
    ...names.flatMap((library) => (reduced.get(library) ?? []).map((target) => `  ${nodeId(library)} --> ${nodeId(target)}`)),
    '```',
    '',
    '| library | imports | owns the tables |',
    '|---|---|---|',
    ...names.map((library) => `| ${code(library)} | ${(imports.get(library) ?? []).join(', ') || '–'} | ${(owned.get(library) ?? []).map(code).join(', ') || '–'} |`),
  ].join('\n');
}

function renderTables(): string {
  const owners = ownersByTable();
  const migrations = migrationsCreatingTables();
  return [
    `Each library declares its tables in ${code(ownedTablesFile('<library>'))}; only that library names them in SQL.`,
    '',
    '| table | owner | created in |',
    '|---|---|---|',
    ...[...migrations.keys()].sort().map((table) => `| ${code(table)} | ${(owners.get(table) ?? ['**none**']).join(', ')} | ${code(migrations.get(table) ?? '')} |`),
  ].join('\n');
}
