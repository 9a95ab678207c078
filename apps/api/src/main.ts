import { ConfigError, loadConfig } from '@kp/config';
import { DatabaseNotReadyError, UnsafeAppRoleError } from '@kp/persistence';
import { migrateDatabase } from '@kp/platform';
import { NestFactory } from '@nestjs/core';
import { ApiModule } from './api.module';
import { configureApp } from './configure-app';
import { closeGracefullyOnSignals } from './health/shutdown';

/**
 * `KP_COMMAND=migrate` (AppConfig.command) is the migrate step: as the owner (MIGRATION_DATABASE_URL)
 * it applies the migrations, grants DATABASE_URL's role and exits (npm run migration:run); `serve`
 * serves as DATABASE_URL's role and never migrates.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.command === 'migrate') {
    const outcome = await migrateDatabase({ ownerUrl: config.migrationDatabaseUrl, appUrl: config.databaseUrl, queueOnPostgres: !config.redisUrl });
    console.log(`migrations applied: ${outcome.migrationsApplied}`);
    console.log(
      outcome.appRole
        ? `app role "${outcome.appRole}" granted: read-write data, append-only audit trail, no DDL`
        : 'DATABASE_URL is the owner role itself: no app role granted (production refuses to serve as the owner)',
    );
    return;
  }
  const app = configureApp(await NestFactory.create(ApiModule.register({ withWorker: config.workerInProcess }), { bufferLogs: true }));
  closeGracefullyOnSignals(app, config.shutdownDrainMs);
  await app.listen(config.port);
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  console.log(`kontaktpunkt API listening on ${url} — API docs: ${url}/docs`);
}

main().catch((error: unknown) => {
  // Refusals that name what to change are printed without a stack trace.
  const refusal = error instanceof ConfigError || error instanceof DatabaseNotReadyError || error instanceof UnsafeAppRoleError;
  console.error(refusal ? error.message : error);
  process.exit(1);
});
