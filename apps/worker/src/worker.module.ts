import { JobsModule } from '@kp/jobs';
import { PlatformModule } from '@kp/platform';
import { Module } from '@nestjs/common';

/** The worker: the platform and the jobs every library schedules or consumes (libs/jobs). */
@Module({
  imports: [PlatformModule, JobsModule],
})
export class WorkerModule {}
