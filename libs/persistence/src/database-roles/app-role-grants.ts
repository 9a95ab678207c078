import { escapeIdentifier as ident, escapeLiteral as literal } from 'pg';
import { QueryRunner } from 'typeorm';

export type TablePrivilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

/** A schema whose tables the app reads and writes; `mayCreate` where a library creates objects at run time. */
export interface SchemaGrant {
  readonly schema: string;
  readonly mayCreate: boolean;
}

/** A table the app may touch less than read-write: an append-only trail, a migration ledger. */
export interface NarrowTableGrant {
  readonly schema: string;
  readonly table: string;
  readonly privileges: readonly TablePrivilege[];
}

/** What the migrate step grants the app role; each library states its own narrower tables. */
export interface AppRoleGrants {
  readonly schemas: readonly SchemaGrant[];
  readonly narrower: readonly NarrowTableGrant[];
}

/** The app role as DATABASE_URL names it; `password` creates it when it does not exist. */
export interface AppRole {
  readonly name: string;
  readonly password?: string;
}

/** Raised when the app role could run the database instead of only using it. */
export class UnsafeAppRoleError extends Error {
  constructor(detail: string) {
    super(`refusing to grant the app role: ${detail}`);
    this.name = 'UnsafeAppRoleError';
  }
}

/**
 * Creates the app's LOGIN role when missing and grants it exactly what the app needs, as the owner
 * in the migrate step (issue 13): read-write on the tables, nothing on the schema (no DDL, no
 * TRUNCATE, no triggers) and the narrower grants as given. Run after every migration, so a new table
 * is granted without default privileges. An existing role's password and attributes are left alone
 * (the DBA may manage them) but a superuser or a member of the owner role is refused.
 */
export async function grantAppRole(runner: QueryRunner, role: AppRole, grants: AppRoleGrants): Promise<void> {
  const [owner] = (await runner.query(`SELECT current_user AS name`)) as { name: string }[];
  if (role.name === owner.name) throw new UnsafeAppRoleError(`the app role "${role.name}" is the migrating (owner) role itself`);
  const [existing] = (await runner.query(
    `SELECT rolsuper, rolbypassrls, pg_has_role(oid, current_user, 'USAGE') AS acts_as_owner FROM pg_roles WHERE rolname = $1`,
    [role.name],
  )) as { rolsuper: boolean; rolbypassrls: boolean; acts_as_owner: boolean }[];
  if (!existing) {
    if (!role.password) throw new UnsafeAppRoleError(`role "${role.name}" does not exist; create it, or give its password in DATABASE_URL`);
    await runner.query(
      `CREATE ROLE ${ident(role.name)} LOGIN PASSWORD ${literal(role.password)} NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS`,
    );
  } else if (existing.rolsuper || existing.rolbypassrls) {
    throw new UnsafeAppRoleError(`role "${role.name}" is a superuser or bypasses row security; the app must run without either`);
  } else if (existing.acts_as_owner) {
    throw new UnsafeAppRoleError(`role "${role.name}" is a member of the owner role "${owner.name}" and could act as the table owner`);
  }

  const app = ident(role.name);
  for (const { schema, mayCreate } of grants.schemas) {
    const s = ident(schema);
    await runner.query(`GRANT USAGE ON SCHEMA ${s} TO ${app}`);
    await runner.query(mayCreate ? `GRANT CREATE ON SCHEMA ${s} TO ${app}` : `REVOKE CREATE ON SCHEMA ${s} FROM ${app}`);
    await runner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${app}`);
    // TRUNCATE skips row triggers; TRIGGER and REFERENCES are schema design, not data.
    await runner.query(`REVOKE TRUNCATE, TRIGGER, REFERENCES ON ALL TABLES IN SCHEMA ${s} FROM ${app}`);
    await runner.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${s} TO ${app}`);
    await runner.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${s} TO ${app}`);
  }
  for (const { schema, table, privileges } of grants.narrower) {
    const t = `${ident(schema)}.${ident(table)}`;
    await runner.query(`REVOKE ALL ON ${t} FROM ${app}`);
    if (privileges.length > 0) await runner.query(`GRANT ${privileges.join(', ')} ON ${t} TO ${app}`);
  }
}

/** The user name and password a connection URL logs in with. */
export function roleOf(databaseUrl: string): AppRole {
  const url = new URL(databaseUrl);
  return { name: decodeURIComponent(url.username), password: url.password ? decodeURIComponent(url.password) : undefined };
}
