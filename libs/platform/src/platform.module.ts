import { ConfigModule } from '@kp/config';
import { PersistenceModule } from '@kp/persistence';
import { QueueModule } from '@kp/queue';
import { Module } from '@nestjs/common';
import { LoggingModule } from './logging';

/** What every process needs: validated config, logging, the database and the queue. */
@Module({
  imports: [ConfigModule, LoggingModule, PersistenceModule, QueueModule],
  exports: [ConfigModule, PersistenceModule, QueueModule],
})
export class PlatformModule {}
