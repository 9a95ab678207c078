import { Module } from '@nestjs/common';
import { AuditModule } from '../audit.module';
import { AuditCheckpointSchedule } from './audit-checkpoint.schedule';
import { AuditCheckpointJob } from './checkpoint.job';

/** For the worker: signs the audit chain head on a schedule. Needs the global QueueModule and ConfigModule. */
@Module({
  imports: [AuditModule],
  providers: [AuditCheckpointJob, AuditCheckpointSchedule],
})
export class AuditCheckpointScheduleModule {}
