import { AUDIT_APP_ROLE_GRANTS } from '@kp/audit';
import { AppRoleGrants, dataSourceOptions, grantAppRole, MIGRATIONS_TABLE, roleOf } from '@kp/persistence';
import { migrateQueueSchema, QUEUE_APP_ROLE_GRANTS, QUEUE_SCHEMA } from '@kp/queue';
import { DataSource } from 'typeorm';

export interface MigrateDatabaseCommand {
  /** The owner role: runs the migrations and grants (`MIGRATION_DATABASE_URL`). */
  readonly ownerUrl: string;
  /** What the app will connect as (`DATABASE_URL`); its role is created when missing and granted. */
  readonly appUrl: string;
  /** BullMQ on PostgreSQL (REDIS_URL unset): create its schema too and grant it. */
  readonly queueOnPostgres: boolean;
}

export interface MigrateDatabaseOutcome {
  readonly migrationsApplied: number;
  /** The role granted, or null when DATABASE_URL is the owner itself (one role: development only). */
  readonly appRole: string | null;
}

/** What the app role gets: read-write data, no DDL, and each library's narrower tables. */
export function appRoleGrants(queueOnPostgres: boolean): AppRoleGrants {
  return {
    schemas: [{ schema: 'public', mayCreate: false }, ...(queueOnPostgres ? [{ schema: QUEUE_SCHEMA, mayCreate: true }] : [])],
    narrower: [
      { schema: 'public', table: MIGRATIONS_TABLE, privileges: ['SELECT'] },
      ...AUDIT_APP_ROLE_GRANTS,
      ...(queueOnPostgres ? QUEUE_APP_ROLE_GRANTS : []),
    ],
  };
}

/**
 * The migrate step (`KP_COMMAND=migrate`, `npm run migration:run`, compose's one-shot `migrate`
 * service; issue 13): as the owner, apply the migrations and BullMQ's schema, then create and grant
 * the app's LOGIN role, so the processes that serve hold no owner credentials. Idempotent.
 */
export async function migrateDatabase(command: MigrateDatabaseCommand): Promise<MigrateDatabaseOutcome> {
  const dataSource = new DataSource(dataSourceOptions(command.ownerUrl));
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    if (command.queueOnPostgres) await migrateQueueSchema(command.ownerUrl);
    const appRole = roleOf(command.appUrl);
    const [{ owner }] = (await dataSource.query('SELECT current_user AS owner')) as { owner: string }[];
    if (appRole.name === owner) return { migrationsApplied: ran.length, appRole: null };
    const runner = dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      await grantAppRole(runner, appRole, appRoleGrants(command.queueOnPostgres));
      await runner.commitTransaction();
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
    return { migrationsApplied: ran.length, appRole: appRole.name };
  } finally {
    await dataSource.destroy();
  }
}
