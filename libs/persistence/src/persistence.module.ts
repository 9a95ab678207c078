import { APP_CONFIG, AppConfig } from '@kp/config';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options';
import { DatabaseReadiness } from './database-roles/database-readiness';
import { TypeOrmNestLogger } from './typeorm-logger';

/**
 * TypeORM on `DATABASE_URL` (the app role); entities come from each lib's `TypeOrmModule.forFeature`.
 * It never migrates: the migrate step does, as the owner (`MIGRATION_DATABASE_URL`).
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.databaseUrl),
        autoLoadEntities: true,
        // Expected refusals (immutable rows, constraint checks) are answered as problems; tests need no query log.
        logging: config.nodeEnv === 'test' ? false : ['error' as const],
        // Through Nest's logger (JSON), not TypeORM's coloured console output.
        logger: new TypeOrmNestLogger(),
      }),
    }),
  ],
  providers: [DatabaseReadiness],
})
export class PersistenceModule {}
