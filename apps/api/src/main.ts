import { ConfigError, loadConfig } from '@kp/config';
import { DatabaseNotReadyError, UnsafeAppRoleError } from '@kp/persistence';
import { migrateDatabase, PinoNestLogger, rootLogger, serveMetrics } from '@kp/platform';
import { NestFactory } from '@nestjs/core';
import { ApiModule } from './api.module';
import { configureApp } from './configure-app';
import { closeGracefullyOnSignals } from './health/shutdown';

const log = rootLogger();

/**
 * `KP_COMMAND=migrate` (AppConfig.command) is the migrate step: as the owner (MIGRATION_DATABASE_URL)
 * it applies the migrations, grants DATABASE_URL's role and exits (npm run migration:run); `serve`
 * serves as DATABASE_URL's role and never migrates. Every line, from the first to the last, goes
 * through the root logger (JSON unless LOG_FORMAT=pretty), failures included.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.command === 'migrate') {
    log.info({ command: 'migrate' }, 'migrate step starting (waits for the migration lock if another runs)');
    const outcome = await migrateDatabase({ ownerUrl: config.migrationDatabaseUrl, appUrl: config.databaseUrl, queueOnPostgres: !config.redisUrl });
    log.info({ migrationsApplied: outcome.migrationsApplied }, `migrations applied: ${outcome.migrationsApplied}`);
    log.info(
      { appRole: outcome.appRole },
      outcome.appRole
        ? `app role "${outcome.appRole}" granted: read-write data, append-only audit trail, no DDL`
        : 'DATABASE_URL is the owner role itself: no app role granted (production refuses to serve as the owner)',
    );
    return;
  }
  const role = config.workerInProcess ? 'api+worker' : 'api';
  log.info({ command: 'serve', role, node: process.version }, 'kontaktpunkt API starting');
  const app = configureApp(
    await NestFactory.create(ApiModule.register({ withWorker: config.workerInProcess }), { logger: new PinoNestLogger(log), abortOnError: false }),
  );
  closeGracefullyOnSignals(app, config.shutdownDrainMs);
  if (config.host) await app.listen(config.port, config.host);
  else await app.listen(config.port);
  if (config.metrics) await serveMetrics(app, config.metrics);
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  log.info({ port: config.port, host: config.host ?? null, metrics: config.metrics ?? null }, `kontaktpunkt API listening on ${url} — API docs: ${url}/docs`);
}

main().catch((error: unknown) => {
  // Refusals that name what to change are logged without a stack trace.
  const refusal = error instanceof ConfigError || error instanceof DatabaseNotReadyError || error instanceof UnsafeAppRoleError;
  if (refusal) log.fatal({ refusal: error.name }, error.message);
  else log.fatal({ err: error }, `kontaktpunkt stopped: ${(error as Error)?.message ?? String(error)}`);
  process.exit(1);
});
