import { CasesModule } from '@kp/cases';
import { AuditModule } from '@kp/audit';
import { NotificationsModule } from '@kp/notifications';
import { Module } from '@nestjs/common';
import { DecisionsModule } from './decisions.module';
import { ExpirePermitsHandler } from './permits/expire-permits.handler';

/** The scheduled permit-expiry sweep, for the worker. */
@Module({
  imports: [DecisionsModule, CasesModule, AuditModule, NotificationsModule],
  providers: [ExpirePermitsHandler],
  exports: [ExpirePermitsHandler],
})
export class DecisionJobsModule {}
