import { AuditLog } from '@kp/audit';
import { ApplicationContent } from '@kp/cases';
import { copenhagenDateOf, DanishCalendar, endOfCopenhagenDay } from '@kp/clock';
import { PermitEvent, PermitEvents, STATISTICS_TO_APPLICANT } from '@kp/decisions';
import { Notifier } from '@kp/notifications';
import { JobQueue } from '@kp/queue';
import { RuleSetRegistry } from '@kp/rules';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DeliveryOrderRecord, isOpen, OrderInstructions } from '../domain/delivery-order';
import { DeliveryOrderRepository } from '../infrastructure/delivery-order.repository';
import { DISPATCH_ORDER_JOB } from '../dispatch/dispatch-order.handler';
import { groupByHolder, orderInstructions } from './order-instructions';

/**
 * The hub'n'spoke after the permit (DESIGN.md §5): when a permit is issued, one delivery order per
 * data holder, addressed to the analysis environment the application named; when it is revoked
 * (EHDS art. 63) or expires, access ends — orders still open are cancelled and each holder that may
 * have extracted gets a stop order. All in the permit's transaction; each order is sent to its
 * holder's receiver from the outbox, and the holder is told in the app.
 */
@Injectable()
export class IssueOrders implements OnModuleInit {
  private readonly calendar = new DanishCalendar();

  constructor(
    private readonly permitEvents: PermitEvents,
    private readonly orders: DeliveryOrderRepository,
    private readonly registry: RuleSetRegistry,
    private readonly jobs: JobQueue,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
  ) {}

  onModuleInit(): void {
    this.permitEvents.on((manager, event) => {
      if (event.type === 'issued') return this.deliveryOrders(manager, event);
      if (event.type === 'revoked' || event.type === 'expired') return this.stopOrders(manager, event);
      return Promise.resolve();
    });
  }

  private async deliveryOrders(manager: EntityManager, { permit, case: c, at, actor }: PermitEvent): Promise<void> {
    const content = c.content as ApplicationContent;
    for (const group of groupByHolder(permit, (id) => this.registry.dataSource(id))) {
      // The environment's operator as the catalogue's data name it today; the order keeps that snapshot.
      const instructions = orderInstructions(group, content, permit, (environment) => this.registry.environmentOperator(environment));
      const order = await this.orders.insert(manager, {
        kind: 'delivery',
        caseId: c.id,
        caseNumber: c.number,
        permitId: permit.id,
        permitNumber: permit.number,
        holderOrg: group.holder.cvr,
        holderName: group.holder.name,
        environment: instructions.environment.id,
        instructions,
        orderedAt: at,
        dueAt: this.dueAt(at, instructions),
        stopsOrderId: null,
      });
      await this.record(manager, order, actor);
    }
  }

  private async stopOrders(manager: EntityManager, { permit, at, actor, type }: PermitEvent): Promise<void> {
    // Every version's deliveries: access ends for the data of all of them.
    const deliveries = (await this.orders.forPermitNumber(manager, permit.number, true)).filter((o) => o.kind === 'delivery' && o.status !== 'rejected' && o.status !== 'cancelled');
    for (const delivery of deliveries) {
      if (isOpen(delivery.status)) {
        const reason = `permit ${permit.number} ${type}`;
        await this.orders.setStatus(manager, delivery.id, 'cancelled', reason, at);
        await this.orders.insertReport(manager, { orderId: delivery.id, fromStatus: delivery.status, toStatus: 'cancelled', reason, optOutChecks: [], reportedBySub: actor.sub, reportedByRole: actor.role, reportedByOrg: actor.organisation ?? null, reportedAt: at });
      }
      // Statistical results went to the applicant, anonymised: no environment to close, no data to delete.
      if (delivery.environment === STATISTICS_TO_APPLICANT) continue;
      const stop = await this.orders.insert(manager, {
        ...delivery,
        kind: 'stop',
        orderedAt: at,
        dueAt: this.dueAt(at, delivery.instructions),
        stopsOrderId: delivery.id,
      });
      await this.record(manager, stop, actor);
    }
  }

  private dueAt(at: Date, instructions: OrderInstructions): Date {
    return endOfCopenhagenDay(this.calendar.addWorkingDays(copenhagenDateOf(at), instructions.serviceLevel.workingDays));
  }

  /** The order's audit event, its dispatch job and the holder's notice, in the permit's transaction. */
  private async record(manager: EntityManager, order: DeliveryOrderRecord, actor: PermitEvent['actor']): Promise<void> {
    await this.audit.append(manager, {
      actor,
      action: order.kind === 'delivery' ? 'delivery.ordered' : 'delivery.stop_ordered',
      subject: { type: 'case', id: order.caseNumber },
      payload: { orderId: order.id, permitId: order.permitId, permitNumber: order.permitNumber, holderOrg: order.holderOrg, environment: order.environment, dueAt: order.dueAt, stopsOrderId: order.stopsOrderId, sources: order.instructions.sources.map((s) => s.dataSourceId) },
    });
    await this.jobs.enqueue(manager, { name: DISPATCH_ORDER_JOB, payload: { orderId: order.id } });
    const delivery = order.kind === 'delivery';
    await this.notifier.notify(manager, {
      to: { role: 'data_holder', organisation: order.holderOrg },
      kind: delivery ? 'delivery_ordered' : 'delivery_stop_ordered',
      caseId: order.caseId,
      caseNumber: order.caseNumber,
      title: delivery
        ? { da: `Leveringsordre efter tilladelse ${order.permitNumber}`, en: `Delivery order under permit ${order.permitNumber}` }
        : { da: `Stopordre: tilladelse ${order.permitNumber} er ophørt`, en: `Stop order: permit ${order.permitNumber} has ended` },
      body: delivery
        ? { da: `Udtræk til ${order.instructions.environment.name.da} senest ${copenhagenDateOf(order.dueAt).toString()}.`, en: `Extract to ${order.instructions.environment.name.en} by ${copenhagenDateOf(order.dueAt).toString()}.` }
        : { da: 'Adgangen til data skal ophøre, og udleverede data skal slettes. Bekræft sletningen.', en: 'Access to the data must end and the data delivered must be deleted. Confirm the deletion.' },
    });
  }
}
