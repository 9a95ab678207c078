import { ConfigError, loadConfig } from '@kp/config';
import { runMigrations } from '@kp/persistence';
import { NestFactory } from '@nestjs/core';
import { ApiModule } from './api.module';
import { configureApp } from './configure-app';

/** `KP_COMMAND=migrate` (AppConfig.command) applies migrations and exits (npm run migration:run); `serve` serves. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.command === 'migrate') {
    const ran = await runMigrations(config.databaseUrl);
    console.log(`migrations applied: ${ran}`);
    return;
  }
  const app = configureApp(await NestFactory.create(ApiModule.register({ withWorker: config.workerInProcess }), { bufferLogs: true }));
  await app.listen(config.port);
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  console.log(`kontaktpunkt API listening on ${url} — API docs: ${url}/docs`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
