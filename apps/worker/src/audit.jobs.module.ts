import { AuditCheckpointScheduleModule, RuleSetActivationAuditModule } from '@kp/audit';
import { Module } from '@nestjs/common';

/** Worker wiring for audit: signed checkpoints on a schedule; rule-set activations audited. */
@Module({
  imports: [AuditCheckpointScheduleModule, RuleSetActivationAuditModule],
})
export class AuditJobsModule {}
