import { AUDIT_APP_ROLE_GRANTS } from '@kp/audit';
import { AppRoleGrants, dataSourceOptions, grantAppRole, MIGRATIONS_TABLE, roleOf } from '@kp/persistence';
import { migrateQueueSchema, QUEUE_APP_ROLE_GRANTS, QUEUE_SCHEMA } from '@kp/queue';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

/**
 * The session-level advisory lock every migrate step takes before it looks at the schema, so that
 * five containers started together migrate once: the first applies the migrations, the others wait
 * and then find nothing to apply. A fixed 64-bit key (the bytes of "kp:migr") no other code uses.
 * Advisory locks are per database, so other databases on the same server are not held up.
 */
export const MIGRATION_LOCK_KEY = '30241218754078578';

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
  // The lock is held on a connection of its own for the whole step (migrations, BullMQ's schema and
  // the grants, which CREATE ROLE too): a session lock is released when its connection closes, so a
  // migrate step that dies mid-way never blocks the next deploy.
  const lock = new Client({ connectionString: command.ownerUrl });
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY}::bigint)`);
    return await migrateLocked(command);
  } finally {
    await lock.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY}::bigint)`).catch(() => undefined);
    await lock.end().catch(() => undefined);
  }
}

async function migrateLocked(command: MigrateDatabaseCommand): Promise<MigrateDatabaseOutcome> {
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
