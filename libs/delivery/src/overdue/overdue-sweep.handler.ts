import { AuditLog, SYSTEM_ACTOR } from '@kp/audit';
import { CaseFileRepository } from '@kp/cases';
import { BusinessClock, copenhagenDateOf } from '@kp/clock';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { Notifier } from '@kp/notifications';
import { JobHandler, RecurringJobs } from '@kp/queue';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DeliveryOrderRepository } from '../infrastructure/delivery-order.repository';

export const DELIVERY_OVERDUE_SWEEP_JOB = 'delivery-overdue-sweep';

/**
 * Makes a slow delivery visible (Findata: three quarters of the time to a permit is waiting on
 * applicants and controllers; DESIGN.md §8): an order still open past its holder's service level
 * (working days from the manifest) raises one notice to the holder's delivery staff, the applicant
 * and the caseworkers, however often the sweep runs. Every `DELIVERY_SWEEP_MS`, on business time.
 */
@Injectable()
export class OverdueSweepHandler implements JobHandler, OnModuleInit {
  readonly jobName = DELIVERY_OVERDUE_SWEEP_JOB;

  constructor(
    private readonly recurring: RecurringJobs,
    private readonly orders: DeliveryOrderRepository,
    private readonly notifier: Notifier,
    private readonly audit: AuditLog,
    private readonly clock: BusinessClock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cases: CaseFileRepository,
  ) {}

  onModuleInit(): void {
    this.recurring.register({ handler: this, everyMs: this.config.schedules.deliverySweepMs });
  }

  async handle(manager: EntityManager): Promise<void> {
    const now = this.clock.now();
    for (const order of await this.orders.dueForOverdueNotice(manager, now)) {
      const due = copenhagenDateOf(order.dueAt).toString();
      const days = order.instructions.serviceLevel.workingDays;
      const stop = order.kind === 'stop';
      const title = stop
        ? { da: `Stopordre til ${order.holderName} er ikke afsluttet (tilladelse ${order.permitNumber})`, en: `Stop order to ${order.holderName} not completed (permit ${order.permitNumber})` }
        : { da: `Levering fra ${order.holderName} er forsinket (tilladelse ${order.permitNumber})`, en: `Delivery from ${order.holderName} is overdue (permit ${order.permitNumber})` };
      const body = {
        da: `Ordren skulle være afsluttet senest ${due} (${days} arbejdsdage); den har status ${order.status}.`,
        en: `The order was due by ${due} (${days} working days); its status is ${order.status}.`,
      };
      const notice = { kind: 'delivery_overdue', caseId: order.caseId, caseNumber: order.caseNumber, title, body };
      await this.notifier.notify(manager, { ...notice, to: { role: 'data_holder', organisation: order.holderOrg } });
      await this.notifier.notify(manager, { ...notice, to: { role: 'caseworker' } });
      const applicantSub = (await this.cases.find(manager, order.caseId))?.applicantSub;
      if (applicantSub) await this.notifier.notify(manager, { ...notice, to: { sub: applicantSub } });
      await this.orders.markOverdueNoticed(manager, order.id, now);
      await this.audit.append(manager, { actor: SYSTEM_ACTOR, action: 'delivery.overdue', subject: { type: 'case', id: order.caseNumber }, payload: { orderId: order.id, kind: order.kind, status: order.status, dueAt: order.dueAt } });
    }
  }
}
