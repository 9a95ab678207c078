import { RulesModule } from '@kp/rules';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit.module';
import { RuleSetActivationAudit } from './rule-set-activation-audit';

/** Import once in every app that loads rule sets (api and worker): activations get audited. */
@Module({
  imports: [RulesModule, AuditModule],
  providers: [RuleSetActivationAudit],
})
export class RuleSetActivationAuditModule {}
