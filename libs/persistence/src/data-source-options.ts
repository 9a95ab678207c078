import { allMigrations } from '@kp/migrations';
import { DataSource, DataSourceOptions } from 'typeorm';

/**
 * The one place that says how we talk to PostgreSQL. Schema changes only through migrations:
 * `synchronize` is never on outside unit tests.
 */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    migrations: allMigrations,
    migrationsTableName: 'schema_migration',
    // gen_random_uuid() is built in from PostgreSQL 13; no extension needed.
    installExtensions: false,
    synchronize: false,
    extra: { max: 10 },
  };
}

/** Applies pending migrations and returns how many ran (used by start-up and `npm run migration:run`). */
export async function runMigrations(databaseUrl: string): Promise<number> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl));
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.length;
  } finally {
    await dataSource.destroy();
  }
}
