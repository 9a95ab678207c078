import { DataSource } from 'typeorm';

/**
 * What a connection could do beyond using the tables: the powers that let it switch off the audit
 * trail's insert-only trigger (issue 13). Empty for the app role the migrate step grants.
 */
export async function excessDatabasePowers(dataSource: DataSource): Promise<string[]> {
  const [role] = (await dataSource.query(
    `SELECT current_user AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
  )) as { name: string; rolsuper: boolean; rolbypassrls: boolean }[];
  const problems: string[] = [];
  if (role.rolsuper) problems.push(`"${role.name}" is a superuser (it can set session_replication_role and disable triggers)`);
  if (role.rolbypassrls) problems.push(`"${role.name}" bypasses row-level security`);
  const owned = (await dataSource.query(
    `SELECT n.nspname || '.' || c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname !~ '^pg_(toast|temp)' AND pg_has_role(current_user, c.relowner, 'USAGE')
      ORDER BY n.nspname <> 'public', 1`,
  )) as { name: string }[];
  if (owned.length > 0) {
    const names = owned.slice(0, 5).map((t) => t.name).join(', ');
    problems.push(`"${role.name}" owns (or may act as the owner of) ${owned.length} table(s), e.g. ${names} (it can ALTER TABLE … DISABLE TRIGGER)`);
  }
  if (!role.rolsuper) {
    const [parameter] = (await dataSource.query(`SELECT has_parameter_privilege('session_replication_role', 'SET') AS may`)) as { may: boolean }[];
    if (parameter.may) problems.push(`"${role.name}" was granted SET on session_replication_role (it skips triggers)`);
  }
  return problems;
}

/** Names of the migrations the database has not run yet, read without creating the ledger. */
export async function pendingMigrations(dataSource: DataSource, ledger: string): Promise<string[]> {
  const known = dataSource.migrations.map((m) => m.name ?? m.constructor.name);
  const [{ exists }] = (await dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [ledger])) as { exists: boolean }[];
  if (!exists) return known;
  const ran = new Set(((await dataSource.query(`SELECT name FROM ${ledger}`)) as { name: string }[]).map((r) => r.name));
  return known.filter((name) => !ran.has(name));
}
