import { Module } from '@nestjs/common';
import { AuditModule } from '../audit.module';
import { AUDIT_CHECKPOINT_EVERY_MS, AuditCheckpointSchedule } from './audit-checkpoint.schedule';
import { checkpointEveryMs } from './checkpoint-interval';
import { AuditCheckpointJob } from './checkpoint.job';

/** For the worker: signs the audit chain head on a schedule. Needs the global QueueModule. */
@Module({
  imports: [AuditModule],
  providers: [
    // Read when the module is built, so a wrong value stops the process before it serves anything.
    { provide: AUDIT_CHECKPOINT_EVERY_MS, useFactory: () => checkpointEveryMs() },
    AuditCheckpointJob,
    AuditCheckpointSchedule,
  ],
})
export class AuditCheckpointScheduleModule {}
