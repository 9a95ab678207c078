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
        logging: ['error' as const],
      }),
    }),
  ],
})
export class PersistenceModule {}
