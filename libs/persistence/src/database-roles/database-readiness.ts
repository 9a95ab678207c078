import { APP_CONFIG, AppConfig } from '@kp/config';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MIGRATIONS_TABLE } from '../data-source-options';
import { excessDatabasePowers, pendingMigrations } from './inspect-connection';

/** Raised at start-up when the database is not migrated or the role could rewrite the audit trail. */
export class DatabaseNotReadyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseNotReadyError';
  }
}

/**
 * Checks the connection before the app serves (issue 13). The app no longer migrates: the migrate
 * step does, as the owner, so a schema behind the code stops start-up with what to run. In
 * production a connection that could switch off the audit trail's guards (superuser, table owner,
 * SET session_replication_role) is refused; elsewhere it is a warning.
 */
@Injectable()
export class DatabaseReadiness implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const pending = await pendingMigrations(this.dataSource, MIGRATIONS_TABLE);
    if (pending.length > 0) {
      throw new DatabaseNotReadyError(
        `the database is not migrated (${pending.length} migration(s) pending, e.g. ${pending[0]}): run the migrate step first — ` +
          '`npm run migration:run`, or KP_COMMAND=migrate with MIGRATION_DATABASE_URL set to the owner role',
      );
    }
    const powers = await excessDatabasePowers(this.dataSource);
    if (powers.length === 0) return;
    const detail = `DATABASE_URL connects with more power than the app needs: ${powers.join('; ')}`;
    if (this.config.nodeEnv === 'production') {
      throw new DatabaseNotReadyError(
        `NODE_ENV=production refuses to start: ${detail}. Connect as the app role the migrate step grants (docs/security.md).`,
      );
    }
    this.logger.warn(`${detail} — the audit trail's insert-only guard can be switched off (production refuses this)`);
  }
}
