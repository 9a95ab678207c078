import { declaredOwnership, libraryOf, ownedTablesFile, ownersByTable, tablesCreatedByMigrations, tablesNamedInFile, tablesNamedInSql, typeScriptFiles } from './codebase';

/**
 * One owner per table (issue 9, STYLE.md "One owner per table"): each library declares the tables it
 * owns in its `src/owned-tables.ts`, every table the migrations create has exactly one such owner,
 * and no code under libs/ or apps/ outside the owner names the table in SQL — it calls the owner.
 * Specs count too: a test builds another library's rows through that library's repository.
 */
describe('table ownership', () => {
  const tables = tablesCreatedByMigrations();
  const known = new Set(tables);
  const owners = ownersByTable();

  it('finds the tables the migrations create', () => {
    expect(tables).toEqual(expect.arrayContaining(['case_file', 'sub_case', 'decision', 'audit_event', 'outbox', 'rule_set_version']));
  });

  it('gives every table the migrations create exactly one owner library', () => {
    const problems = tables.flatMap((table) => {
      const declared = owners.get(table) ?? [];
      if (declared.length === 0) return [`${table} has no owner: add it to the OWNED_TABLES of the library whose repository writes it (libs/<library>/src/owned-tables.ts)`];
      if (declared.length > 1) return [`${table} is claimed by ${declared.join(' and ')}: one library owns it, the others call that one`];
      return [];
    });
    expect(problems).toEqual([]);
  });

  it('declares only tables the migrations create', () => {
    const stale = [...declaredOwnership()].flatMap(([library, declared]) =>
      declared.filter((table) => !known.has(table)).map((table) => `${ownedTablesFile(library)} names ${table}, which no migration creates`),
    );
    expect(stale).toEqual([]);
  });

  it('lets no code outside the owning library name a table in SQL', () => {
    const violations = [...typeScriptFiles('libs'), ...typeScriptFiles('apps')].flatMap((file) =>
      tablesNamedInFile(file, known)
        .filter(({ table }) => !(owners.get(table) ?? []).includes(libraryOf(file) ?? ''))
        .map(({ table, line }) => `${file}:${line} names ${table}, which ${owners.get(table)?.join(' and ') ?? 'no library'} owns`),
    );
    expect(violations).toEqual([]);
  });

  it('sees the owners name their own tables, so a silent scanner cannot pass', () => {
    const named = (file: string) => tablesNamedInFile(file, known).map((r) => r.table);
    expect(named('libs/cases/src/infrastructure/case-queue.repository.ts')).toEqual(expect.arrayContaining(['case_file', 'sub_case', 'consultation', 'legal_matter', 'staff_member']));
    expect(named('libs/decisions/src/infrastructure/decision.repository.ts')).toEqual(expect.arrayContaining(['decision_draft', 'recommendation', 'decision', 'permit', 'permit_number_counter']));
    expect(named('libs/rules/src/infrastructure/rule-set-version.entity.ts')).toEqual(['rule_set_version']);
  });
});

describe('what counts as naming a table in SQL', () => {
  const tables = new Set(['case_file', 'sub_case', 'screening', 'consultation', 'audit_event']);
  const named = (source: string) => tablesNamedInSql(source, tables).map((r) => r.table);

  it('reads the table after FROM, JOIN, INTO, UPDATE, DELETE FROM and TABLE, over line breaks', () => {
    expect(named('q(`SELECT * FROM case_file c JOIN sub_case s ON s.case_id = c.id`)')).toEqual(['case_file', 'sub_case']);
    expect(named("q('INSERT INTO screening (id) VALUES ($1)')")).toEqual(['screening']);
    expect(named('q(`UPDATE\n  consultation SET state = $1`)')).toEqual(['consultation']);
    expect(named('q(`DELETE FROM public.audit_event`)')).toEqual(['audit_event']);
    expect(named('q(`LOCK TABLE "case_file" IN EXCLUSIVE MODE`)')).toEqual(['case_file']);
  });

  it('reads every table of a comma-separated FROM list, and lower-case SQL statements', () => {
    expect(named('q(`SELECT 1 FROM case_file c, sub_case AS s WHERE s.case_id = c.id`)')).toEqual(['case_file', 'sub_case']);
    expect(named("q('select * from screening where id = $1')")).toEqual(['screening']);
  });

  it('reads the literal parts of a template around its substitutions', () => {
    expect(named('q(`${select} FROM consultation k WHERE k.id = ${id}`)')).toEqual(['consultation']);
    expect(named('q(`SELECT * FROM ${table}`)')).toEqual([]);
  });

  it('reads the table of a TypeORM entity', () => {
    expect(named("@Entity({ name: 'screening' }) class S {}")).toEqual(['screening']);
    expect(named("@Entity('sub_case') class S {}")).toEqual(['sub_case']);
  });

  it('ignores comments, prose, columns and words that are not tables', () => {
    expect(named('// SELECT * FROM case_file\n/* UPDATE screening */ const x = 1;')).toEqual([]);
    expect(named("throw new Error('A case cannot move from screening into consultation.')")).toEqual([]);
    expect(named('q(`SELECT 1 -- was FROM case_file\n FROM sub_case`)')).toEqual(['sub_case']);
    expect(named('q(`SELECT EXTRACT(EPOCH FROM due_at) FROM unnest($1::text[]) ORDER BY screening`)')).toEqual([]);
    expect(named('q(`SELECT screening_id FROM decision WHERE case_file_id = $1 FOR UPDATE OF d`)')).toEqual([]);
  });

  it('says on which line the table is named', () => {
    expect(tablesNamedInSql('const a = 1;\nq(`SELECT 1\n  FROM case_file`);', tables)).toEqual([{ table: 'case_file', line: 3 }]);
  });
});
