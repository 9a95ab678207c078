import { AuditModule, VerifyAuditTrail } from '@kp/audit';
import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';

/** HTTP wiring for audit: verifying the chain against this deployment's signed checkpoints. */
@Module({
  imports: [AuditModule],
  controllers: [AuditController],
  providers: [VerifyAuditTrail],
})
export class AuditHttpModule {}
