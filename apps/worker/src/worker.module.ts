import { ApplicationsModule } from '@kp/applications';
import { CaseWorkJobsModule } from '@kp/case-work';
import { PlatformModule } from '@kp/platform';
import { AuditJobsModule } from './audit.jobs.module';
import { DeadlinesJobsModule } from './deadlines.jobs.module';
import { DecisionsJobsModule } from './decisions.jobs.module';
import { QueueWorkerModule } from '@kp/queue';
import { Module } from '@nestjs/common';

/** The worker: queue consumers, the outbox relay and scheduled jobs, wired from the libs. */
@Module({
  imports: [PlatformModule, QueueWorkerModule, ApplicationsModule, CaseWorkJobsModule, DeadlinesJobsModule, DecisionsJobsModule, AuditJobsModule],
})
export class WorkerModule {}
