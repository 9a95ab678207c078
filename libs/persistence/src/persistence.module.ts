import { APP_CONFIG, AppConfig } from '@kp/config';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options';

/** TypeORM on `DATABASE_URL`; entities come from each lib's `TypeOrmModule.forFeature`. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.databaseUrl),
        autoLoadEntities: true,
        migrationsRun: true,
        migrationsTransactionMode: 'each' as const,
        // Expected refusals (immutable rows, constraint checks) are answered as problems; tests need no query log.
        logging: config.nodeEnv === 'test' ? false : ['error' as const],
      }),
    }),
  ],
})
export class PersistenceModule {}
