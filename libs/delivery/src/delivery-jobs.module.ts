import { AuditModule } from '@kp/audit';
import { CasesModule } from '@kp/cases';
import { NotificationsModule } from '@kp/notifications';
import { Module } from '@nestjs/common';
import { DeliveryModule } from './delivery.module';
import { DispatchOrderHandler } from './dispatch/dispatch-order.handler';
import { OverdueSweepHandler } from './overdue/overdue-sweep.handler';

/** For the worker: sending orders to the receivers from the outbox, and the overdue sweep (it also loads DeliveryModule, since permits expire there). */
@Module({
  imports: [DeliveryModule, CasesModule, AuditModule, NotificationsModule],
  providers: [DispatchOrderHandler, OverdueSweepHandler],
})
export class DeliveryJobsModule {}
