import { ProcessIdentityModule } from '@kp/config';
import { JobsModule } from '@kp/jobs';
import { PlatformModule, WorkerHeartbeat } from '@kp/platform';
import { Module } from '@nestjs/common';

/**
 * The worker: the platform and the jobs every library schedules or consumes (libs/jobs), and the
 * heartbeat its container health check reads (`node dist/apps/worker/main.js health`).
 */
@Module({
  imports: [ProcessIdentityModule.forRole('worker'), PlatformModule, JobsModule],
  providers: [WorkerHeartbeat],
})
export class WorkerModule {}
