import { ConfigError, loadConfig } from '@kp/config';
import { DatabaseNotReadyError, UnsafeAppRoleError } from '@kp/persistence';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.get(Logger).log('worker started');
}

bootstrap().catch((error: unknown) => {
  // Refusals that name what to change are printed without a stack trace.
  const refusal = error instanceof ConfigError || error instanceof DatabaseNotReadyError || error instanceof UnsafeAppRoleError;
  console.error(refusal ? error.message : error);
  process.exit(1);
});
