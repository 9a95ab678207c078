import { allMigrations } from '@kp/migrations';
import { DataSourceOptions } from 'typeorm';

/** The ledger of applied migrations; the app role may only read it. */
export const MIGRATIONS_TABLE = 'schema_migration';

/**
 * The one place that says how we talk to PostgreSQL. Schema changes only through migrations:
 * `synchronize` is never on outside unit tests.
 */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    migrations: allMigrations,
    migrationsTableName: MIGRATIONS_TABLE,
    // gen_random_uuid() is built in from PostgreSQL 13; no extension needed.
    installExtensions: false,
    synchronize: false,
    extra: { max: 10 },
  };
}
