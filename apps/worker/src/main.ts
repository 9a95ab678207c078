import { ConfigError, loadConfig } from '@kp/config';
import { DatabaseNotReadyError, UnsafeAppRoleError } from '@kp/persistence';
import { checkWorkerHeartbeat, PinoNestLogger, rootLogger, serveMetrics } from '@kp/platform';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './worker.module';

const log = rootLogger();

/**
 * The worker process; `main.js health` is its container health check instead: it exits 0 only when
 * the running worker wrote its heartbeat (database reached, queue consumer running) recently.
 */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  if (process.argv[2] === 'health') {
    const problem = await checkWorkerHeartbeat(config.dataDir);
    if (problem) {
      log.error({ health: 'unhealthy' }, problem);
      process.exit(1);
    }
    process.exit(0);
  }
  log.info({ role: 'worker', node: process.version }, 'kontaktpunkt worker starting');
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: new PinoNestLogger(log), abortOnError: false });
  app.enableShutdownHooks();
  await app.init();
  if (config.metrics) await serveMetrics(app, config.metrics);
  log.info({ metrics: config.metrics ?? null }, 'worker started');
}

bootstrap().catch((error: unknown) => {
  // Refusals that name what to change are logged without a stack trace.
  const refusal = error instanceof ConfigError || error instanceof DatabaseNotReadyError || error instanceof UnsafeAppRoleError;
  if (refusal) log.fatal({ refusal: error.name }, error.message);
  else log.fatal({ err: error }, `kontaktpunkt worker stopped: ${(error as Error)?.message ?? String(error)}`);
  process.exit(1);
});
