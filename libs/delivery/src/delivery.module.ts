import { AuditModule } from '@kp/audit';
import { CasesModule } from '@kp/cases';
import { DecisionsModule } from '@kp/decisions';
import { NotificationsModule } from '@kp/notifications';
import { RulesModule } from '@kp/rules';
import { Module } from '@nestjs/common';
import { DeliveryOrderRepository } from './infrastructure/delivery-order.repository';
import { IssueOrders } from './issue-orders/issue-orders.listener';
import { OrderReader } from './read-orders/order-reader';
import { ReadOrders } from './read-orders/read-orders.usecase';
import { ReportStatus } from './report-status/report-status.usecase';

/**
 * Delivery and stop orders after a permit (issue 15). Every process that can issue or end a permit
 * loads this module, since the orders are made in the permit's own transaction (IssueOrders).
 */
@Module({
  imports: [CasesModule, DecisionsModule, AuditModule, RulesModule, NotificationsModule],
  providers: [DeliveryOrderRepository, OrderReader, IssueOrders, ReadOrders, ReportStatus],
  exports: [ReadOrders, ReportStatus, DeliveryOrderRepository],
})
export class DeliveryModule {}
