import { ConfigModule } from '@kp/config';
import { MetricsModule } from '@kp/metrics';
import { PersistenceModule } from '@kp/persistence';
import { QueueModule } from '@kp/queue';
import { Module } from '@nestjs/common';
import { LoggingModule } from './logging';
import { ShutdownLog } from './shutdown-log';

/** What every process needs: validated config, logging, metrics, the database and the queue, and a shutdown line. */
@Module({
  imports: [ConfigModule, LoggingModule, MetricsModule, PersistenceModule, QueueModule],
  providers: [ShutdownLog],
  exports: [ConfigModule, MetricsModule, PersistenceModule, QueueModule],
})
export class PlatformModule {}
