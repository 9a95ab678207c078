import { APP_CONFIG, AppConfig } from '@kp/config';
import { MetricsModule } from '@kp/metrics';
import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
import { KP_BACKGROUND_QUEUE, KP_QUEUE } from './job';
import { QueueMetrics } from './metrics/queue-metrics';
import { JobQueue } from './job-queue.port';
import { OutboxJobQueue } from './outbox/outbox-job-queue';
import { BullmqTransport } from './transport/bullmq-transport';
import { JobTransport } from './transport/job-transport.port';
import { QUEUE_SCHEMA } from './transport/queue-schema';
import { JobHandlerRegistry } from './worker/job-handler.registry';
import { RecurringJobs } from './worker/recurring-jobs';

/** BullMQ connection: PostgreSQL (same database) by default, Redis when `REDIS_URL` is set. */
export function bullConnection(config: AppConfig): Record<string, unknown> {
  if (config.redisUrl) {
    const url = new URL(config.redisUrl);
    return {
      host: url.hostname,
      port: Number(url.port || 6379),
      username: url.username || undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
      tls: url.protocol === 'rediss:' ? {} : undefined,
      maxRetriesPerRequest: null,
    };
  }
  // The migrate step creates the schema as the owner (migrateQueueSchema); the app only checks it.
  return { connectionString: config.databaseUrl, schema: QUEUE_SCHEMA, migrate: false, max: 4 };
}

/**
 * @nestjs/bullmq builds Queue and Worker itself and cannot pass bullmq 6's backend argument, so the
 * backend is chosen process-wide before the queue providers are created (STACK.md).
 */
export function selectQueueBackend(config: AppConfig): void {
  if (config.redisUrl) setDefaultBackendFactory();
  else setDefaultBackendFactory(createPostgresBackend as never);
}

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        selectQueueBackend(config);
        // Nest types `connection` as Redis options; the PostgreSQL backend takes a pool config.
        return { connection: bullConnection(config) as never, prefix: config.queuePrefix };
      },
    }),
    BullModule.registerQueue({ name: KP_QUEUE }, { name: KP_BACKGROUND_QUEUE }),
    MetricsModule,
  ],
  providers: [
    { provide: JobQueue, useClass: OutboxJobQueue },
    { provide: JobTransport, useClass: BullmqTransport },
    JobHandlerRegistry,
    RecurringJobs,
    QueueMetrics,
  ],
  exports: [JobQueue, JobTransport, JobHandlerRegistry, RecurringJobs],
})
export class QueueModule {}
