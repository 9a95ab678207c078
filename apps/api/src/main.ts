import cluster from 'node:cluster';
import { ConfigError, loadConfig } from '@kp/config';
import { DatabaseNotReadyError, UnsafeAppRoleError } from '@kp/persistence';
import { migrateDatabase, rootLogger } from '@kp/platform';

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
  if (config.apiProcesses > 1 && cluster.isPrimary) {
    // The primary serves nothing: it forks the API processes once the schema is ready.
    if (config.awaitLauncher) await migrateStepFinished();
    log.info({ command: 'serve', processes: config.apiProcesses }, `kontaktpunkt API starting ${config.apiProcesses} processes on port ${config.port}`);
    const { superviseApiProcesses } = await import('./processes');
    return superviseApiProcesses(config.apiProcesses, log);
  }
  // Loaded here, not imported above: the migrate step needs none of the API's modules.
  const { serve } = await import('./serve');
  if (config.awaitLauncher) await migrateStepFinished();
  await serve(config, log);
}

/**
 * scripts/start.mjs starts this process while its migrate step still runs (KP_AWAIT_LAUNCHER), so
 * the code above loads meanwhile; it says `migrated` over IPC when the schema is ready. The channel
 * is closed then, or it would keep the process alive after shutdown.
 */
function migrateStepFinished(): Promise<void> {
  return new Promise((ready, fail) => {
    if (!process.send) return fail(new Error('KP_AWAIT_LAUNCHER is set, but this process has no IPC channel to a launcher'));
    const gone = () => fail(new Error('the launcher went away before its migrate step finished'));
    process.once('disconnect', gone);
    process.once('message', (message) => {
      process.off('disconnect', gone);
      process.disconnect();
      if (message === 'migrated') ready();
      else fail(new Error(`the launcher said ${JSON.stringify(message)}, not "migrated"`));
    });
  });
}

main().catch((error: unknown) => {
  // Refusals that name what to change are logged without a stack trace.
  const refusal = error instanceof ConfigError || error instanceof DatabaseNotReadyError || error instanceof UnsafeAppRoleError;
  if (refusal) log.fatal({ refusal: error.name }, error.message);
  else log.fatal({ err: error }, `kontaktpunkt stopped: ${(error as Error)?.message ?? String(error)}`);
  process.exit(1);
});
