import { ApplicationsModule } from '@kp/applications';
import { RuleSetActivationAuditModule } from '@kp/audit';
import { RulesModule } from '@kp/rules';
import { Module } from '@nestjs/common';
import { RuleSetsController } from './rule-sets.controller';

/**
 * HTTP wiring for rule sets: list, reload (each activation audited) and dry run. The dry run's use
 * case lives in applications, which owns the open cases it replays.
 */
@Module({
  imports: [RulesModule, ApplicationsModule, RuleSetActivationAuditModule],
  controllers: [RuleSetsController],
})
export class RulesHttpModule {}
