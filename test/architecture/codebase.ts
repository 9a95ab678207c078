import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as ts from 'typescript';

/**
 * What the architecture tests read from the source tree: the libraries, the imports between them,
 * the tables the migrations create, which library declares it owns each table, and the tables a
 * file names in SQL. Read from the files themselves, so the tests and docs/architecture.md follow
 * the code without anyone keeping a list by hand.
 */
export const ROOT = resolve(__dirname, '../..');

const posix = (path: string) => path.split(sep).join('/');

/** A library is a folder under libs/ with a `src/index.ts` (its `@kp/<name>` entry point). */
export function libraries(): string[] {
  return readdirSync(join(ROOT, 'libs'))
    .filter((name) => existsSync(join(ROOT, 'libs', name, 'src', 'index.ts')))
    .sort();
}

const isSpec = (file: string) => /\.(spec|int-spec|e2e-spec)\.ts$/.test(file);

/** Every .ts file under a folder of the repository, as paths relative to the root ('libs/cases/src/…'). */
export function typeScriptFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      if (entry === 'node_modules' || entry === 'dist') continue;
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts') && !path.endsWith('.d.ts')) out.push(posix(relative(ROOT, path)));
    }
  };
  if (existsSync(join(ROOT, folder))) walk(join(ROOT, folder));
  return out.sort();
}

/** The library a file belongs to ('libs/<name>/…'), or undefined for apps/ and anything else. */
export function libraryOf(file: string): string | undefined {
  const match = /^libs\/([^/]+)\//.exec(file);
  return match?.[1];
}

const parse = (file: string) => ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.ES2022, true);

// ---------------------------------------------------------------------------------------------
// Tables

/** Table → the migration file that creates it: every `CREATE TABLE <name>` in migrations/*.ts. */
export function migrationsCreatingTables(): Map<string, string> {
  const tables = new Map<string, string>();
  for (const file of typeScriptFiles('migrations')) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const match of text.matchAll(/\bCREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?"?([a-z_][a-z0-9_]*)"?/gi)) tables.set(match[1], file);
  }
  return tables;
}

/** The tables the migrations create, by name. */
export const tablesCreatedByMigrations = (): string[] => [...migrationsCreatingTables().keys()].sort();

/** Where a library declares the tables it owns: the single source of truth for ownership. */
export const ownedTablesFile = (library: string) => `libs/${library}/src/owned-tables.ts`;

/** Library → the tables it declares it owns, for every library that has an owned-tables.ts. */
export function declaredOwnership(): Map<string, string[]> {
  const owned = new Map<string, string[]>();
  for (const library of libraries()) {
    const file = join(ROOT, ownedTablesFile(library));
    if (!existsSync(file)) continue;
    const { OWNED_TABLES } = require(file) as { OWNED_TABLES: readonly string[] };
    owned.set(library, [...OWNED_TABLES]);
  }
  return owned;
}

/** Table → the libraries that declare they own it (exactly one when all is well). */
export function ownersByTable(): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  for (const [library, tables] of declaredOwnership()) {
    for (const table of tables) owners.set(table, [...(owners.get(table) ?? []), library]);
  }
  return owners;
}

export interface TableReference {
  table: string;
  /** 1-based line in the file. */
  line: number;
}

/**
 * The rule for "names a table in SQL". Only the contents of string literals and template literals
 * count (the TypeScript parser finds them), so comments never match; SQL comments (`-- …`, `/* … *\/`)
 * inside those strings are dropped too. In them, a table is named when it follows one of the
 * keywords that take a table — FROM (DELETE FROM included), JOIN, INTO, UPDATE, TABLE, TRUNCATE —
 * optionally schema-qualified or quoted, and every further table in a comma-separated FROM list.
 * Keywords count in capitals only, because SQL here is written with capital keywords and prose is
 * not ("moves the case from screening" is an error message, not a query); a string that starts with
 * a lower-case SQL statement (`select …`, `insert …`) is read case-insensitively. A
 * `${…}` substitution breaks a match, so `FROM ${table}` is not resolved. Finally
 * `@Entity('name')` / `@Entity({ name })` names its table too. Only words that are tables the
 * migrations create are reported, so `FROM unnest(…)` or `EXTRACT(EPOCH FROM available_at)` are not.
 */
export function tablesNamedInSql(sourceText: string, tables: ReadonlySet<string>, fileName = 'source.ts'): TableReference[] {
  const source = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.ES2022, true);
  const found: TableReference[] = [];
  const lineOf = (position: number) => source.getLineAndCharacterOfPosition(position).line + 1;

  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      scan(node.text, node.getStart(source));
    } else if (ts.isTemplateExpression(node)) {
      // The literal parts joined, each substitution standing in as `${…}`.
      scan([node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('${…}'), node.getStart(source));
    } else if (ts.isDecorator(node) && ts.isCallExpression(node.expression) && /^(Entity|ViewEntity)$/.test(node.expression.expression.getText(source))) {
      const [argument] = node.expression.arguments;
      const name = argument && ts.isStringLiteral(argument) ? argument.text : argument && ts.isObjectLiteralExpression(argument) ? entityName(argument) : undefined;
      if (name && tables.has(name)) found.push({ table: name, line: lineOf(node.getStart(source)) });
      return;
    }
    ts.forEachChild(node, visit);
  };

  const scan = (text: string, start: number): void => {
    const sql = text.replace(/--[^\n]*/g, (comment) => ' '.repeat(comment.length)).replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
    const flags = /^\s*(select|insert|update|delete|with)\s/i.test(sql) ? 'gi' : 'g';
    const keyword = new RegExp(`\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|TRUNCATE)\\s+(?:ONLY\\s+)?(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?`, flags);
    const name = new RegExp(`(?:"?public"?\\.)?"?([a-z_][a-z0-9_]*)"?(?:\\s+(?:AS\\s+)?[a-z_][a-z0-9_]*)?`, flags.replace('g', 'y'));
    const comma = /\s*,\s*/y;
    for (const match of sql.matchAll(keyword)) {
      name.lastIndex = match.index + match[0].length;
      const list = /^from/i.test(match[0]);
      for (let named = name.exec(sql); named; named = list ? nextInList(sql, name, comma) : null) {
        const table = named[1].toLowerCase();
        if (tables.has(table)) found.push({ table, line: lineOf(start) + (sql.slice(0, named.index).match(/\n/g)?.length ?? 0) });
      }
    }
  };

  visit(source);
  return found;
}

/** After a table in a FROM list, the next one when a comma follows. */
function nextInList(sql: string, name: RegExp, comma: RegExp): RegExpExecArray | null {
  comma.lastIndex = name.lastIndex;
  if (!comma.exec(sql)) return null;
  name.lastIndex = comma.lastIndex;
  return name.exec(sql);
}

function entityName(options: ts.ObjectLiteralExpression): string | undefined {
  for (const property of options.properties) {
    if (ts.isPropertyAssignment(property) && property.name.getText() === 'name' && ts.isStringLiteral(property.initializer)) return property.initializer.text;
  }
  return undefined;
}

export function tablesNamedInFile(file: string, tables: ReadonlySet<string>): TableReference[] {
  return tablesNamedInSql(readFileSync(join(ROOT, file), 'utf8'), tables, file);
}

// ---------------------------------------------------------------------------------------------
// Imports

/**
 * Library → the libraries its production code imports (`@kp/<name>`, or a relative path into
 * another library's folder), type-only imports included. Specs are left out: a test may build its
 * fixtures through any library without that being a dependency of the code.
 */
export function libraryImports(): Map<string, string[]> {
  const names = new Set(libraries());
  const graph = new Map<string, string[]>();
  for (const library of names) {
    const imported = new Set<string>();
    for (const file of typeScriptFiles(`libs/${library}/src`).filter((f) => !isSpec(f))) {
      for (const specifier of moduleSpecifiers(parse(file))) {
        const target = specifier.startsWith('@kp/')
          ? specifier.slice('@kp/'.length).split('/')[0]
          : specifier.startsWith('.')
            ? libraryOf(posix(relative(ROOT, resolve(ROOT, dirname(file), specifier))) + '/')
            : undefined;
        if (target && target !== library && names.has(target)) imported.add(target);
      }
    }
    graph.set(library, [...imported].sort());
  }
  return graph;
}

/** Every module a file imports or re-exports, statically or through `import()`/`require()`. */
function moduleSpecifiers(source: ts.SourceFile): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      out.push(node.moduleReference.expression.text);
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
      node.arguments.length === 1 &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      out.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** A cycle in a directed graph as the path that closes it ('a → b → a'), or undefined for none. */
export function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'visiting') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'visiting');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of [...graph.keys()].sort()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

/**
 * The graph without the edges a longer path already implies (its transitive reduction), so the
 * diagram shows the layers rather than every import. Only defined for a graph without cycles.
 */
export function transitiveReduction(graph: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const reachable = new Map<string, Set<string>>();
  const reach = (node: string): Set<string> => {
    const known = reachable.get(node);
    if (known) return known;
    const out = new Set<string>();
    for (const next of graph.get(node) ?? []) {
      out.add(next);
      for (const further of reach(next)) out.add(further);
    }
    reachable.set(node, out);
    return out;
  };
  const reduced = new Map<string, string[]>();
  for (const [node, targets] of graph) {
    reduced.set(
      node,
      targets.filter((target) => !targets.some((other) => other !== target && reach(other).has(target))),
    );
  }
  return reduced;
}
