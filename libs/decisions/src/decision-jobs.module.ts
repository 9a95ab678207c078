import { CasesModule } from '@kp/cases';
import { AuditModule } from '@kp/audit';
import { NotificationsModule } from '@kp/notifications';
import { Module } from '@nestjs/common';
import { DecisionsModule } from './decisions.module';
import { ExpirePermitsHandler } from './permits/expire-permits.handler';
import { ReconsiderationOverdueSweepHandler } from './reconsideration/reconsideration-overdue-sweep.handler';

/** The scheduled sweeps of decisions, for the worker: permit expiry, and appeals and reopening requests past their time. */
@Module({
  imports: [DecisionsModule, CasesModule, AuditModule, NotificationsModule],
  providers: [ExpirePermitsHandler, ReconsiderationOverdueSweepHandler],
  exports: [ExpirePermitsHandler, ReconsiderationOverdueSweepHandler],
})
export class DecisionJobsModule {}
