import { AppConfig } from '@kp/config';
import { PinoNestLogger, serveMetrics } from '@kp/platform';
import { NestFactory } from '@nestjs/core';
import type { Logger as Pino } from 'pino';
import { ApiModule } from './api.module';
import { configureApp } from './configure-app';
import { closeGracefullyOnSignals } from './health/shutdown';

/**
 * Serves the API as DATABASE_URL's role. Apart from main.ts so that the migrate step, which needs
 * none of it, does not load the API's modules (issue 17).
 */
export async function serve(config: AppConfig, log: Pino): Promise<void> {
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
