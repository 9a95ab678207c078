import { ApplicationsModule } from '@kp/applications';
import { AuditModule, RuleSetActivationAuditModule, VerifyAuditTrail } from '@kp/audit';
import { RulesModule } from '@kp/rules';
import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { CaseAuditController } from './case-audit.controller';
import { PublicRegisterController } from './public-register.controller';
import { RuleSetsController } from './rule-sets.controller';

/**
 * HTTP wiring for audit: chain verification, case timelines, rule-set reload (audited) and the
 * transparency register of received applications.
 */
@Module({
  imports: [AuditModule, RulesModule, ApplicationsModule, RuleSetActivationAuditModule],
  controllers: [AuditController, CaseAuditController, RuleSetsController, PublicRegisterController],
  providers: [VerifyAuditTrail],
})
export class AuditHttpModule {}
