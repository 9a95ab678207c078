import { ApplicationsModule } from '@kp/applications';
import { PlatformModule } from '@kp/platform';
import { QueueWorkerModule } from '@kp/queue';
import { Module } from '@nestjs/common';

/** The worker: queue consumers, the outbox relay and scheduled jobs, wired from the libs. */
@Module({
  imports: [PlatformModule, QueueWorkerModule, ApplicationsModule],
})
export class WorkerModule {}
