import { ApplicationJobsModule, ApplicationsModule } from '@kp/applications';
import { AuditCheckpointScheduleModule, RuleSetActivationAuditModule } from '@kp/audit';
import { CaseWorkJobsModule } from '@kp/case-work';
import { DeadlineJobsModule } from '@kp/deadlines';
import { DecisionJobsModule } from '@kp/decisions';
import { DeliveryJobsModule } from '@kp/delivery';
import { NotificationJobsModule } from '@kp/notifications';
import { QueueWorkerModule } from '@kp/queue';
import { RecordsJobsModule } from '@kp/records';
import { Module } from '@nestjs/common';
import { SimulatedTimeModule } from './simulated-time/simulated-time.module';

/**
 * What a worker runs — the outbox relay and queue consumers, the screening job, every library's
 * scheduled jobs, the e-mail of notices, audited rule-set activations — in one place, so the worker app and the API (with
 * `WORKER_IN_PROCESS`) wire the same thing and neither app imports the other. The app brings
 * PlatformModule (config, logging, database, queue).
 */
@Module({
  imports: [
    QueueWorkerModule,
    ApplicationsModule,
    ApplicationJobsModule,
    CaseWorkJobsModule,
    DeadlineJobsModule,
    DecisionJobsModule,
    DeliveryJobsModule,
    RecordsJobsModule,
    NotificationJobsModule,
    AuditCheckpointScheduleModule,
    RuleSetActivationAuditModule,
    SimulatedTimeModule,
  ],
  exports: [SimulatedTimeModule],
})
export class JobsModule {}
