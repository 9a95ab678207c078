import { AuditLog } from '@kp/audit';
import { CaseFileRepository } from '@kp/cases';
import { Actor } from '@kp/auth';
import { BusinessClock, copenhagenDateOf } from '@kp/clock';
import { DomainError } from '@kp/errors';
import { Notifier } from '@kp/notifications';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isHolderOf, operatesEnvironmentOf } from '../domain/order-access';
import { optOutChecksFor } from '../domain/opt-out-checks';
import { allowedReports, ReportingRole } from '../domain/status-transitions';
import { DeliveryOrderRepository } from '../infrastructure/delivery-order.repository';
import { OrderReader } from '../read-orders/order-reader';
import { orderView } from '../read-orders/order.view';
import { ReportStatusCommand } from './report-status.command';

/**
 * The holder or the environment reports an order's progress (DESIGN.md §5): the status table says
 * who may report what from which status; an extract is reported only once the opt-out checks that
 * apply on that day are confirmed (sundhedsloven § 29 for biological material; EHDS art. 71 from
 * 26 March 2029). Each report is kept and audited; the applicant hears of a delivery or a refusal,
 * the caseworkers of a refusal too.
 */
@Injectable()
export class ReportStatus {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: OrderReader,
    private readonly orders: DeliveryOrderRepository,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    private readonly clock: BusinessClock,
    private readonly cases: CaseFileRepository,
  ) {}

  async execute(actor: Actor, { orderId, status, reason, optOutChecks = [] }: ReportStatusCommand) {
    return this.db.transaction(async (manager) => {
      const order = await this.reader.visibleOrder(manager, actor, orderId, true);
      const role: ReportingRole | null = isHolderOf(actor, order) ? 'data_holder' : operatesEnvironmentOf(actor, order) ? 'environment_operator' : null;
      const allowed = role ? allowedReports(order.kind, order.status, role, order.instructions.environment.operator !== null) : [];
      if (!allowed.includes(status)) {
        throw new DomainError('delivery-status-not-allowed', `The order is ${order.status}; from there you may report ${allowed.join(', ') || 'nothing'}.`, { from: order.status, allowed: allowed.join(', ') || '—' });
      }
      const now = this.clock.now();
      if (status === 'extracted') {
        const missing = optOutChecksFor(order.instructions.sources, copenhagenDateOf(now).toString()).filter((c) => !optOutChecks.includes(c.code));
        if (missing.length > 0) {
          const codes = missing.map((c) => c.code).join(', ');
          throw new DomainError('opt-out-checks-missing', `Confirm in optOutChecks the opt-out checks that apply to this extract before reporting it extracted: ${codes}.`, {
            missing: codes,
            errors: [{ field: 'optOutChecks', messages: missing.map((c) => `${c.code}: ${c.text.en} (${c.legalReference})`) }],
          });
        }
      }
      const updated = await this.orders.setStatus(manager, order.id, status, reason ?? null, now);
      await this.orders.insertReport(manager, {
        orderId: order.id,
        fromStatus: order.status,
        toStatus: status,
        reason: reason ?? null,
        optOutChecks,
        reportedBySub: actor.sub,
        reportedByRole: actor.role,
        reportedByOrg: actor.organisation ?? null,
        reportedAt: now,
      });
      await this.audit.append(manager, {
        actor,
        action: 'delivery.status_reported',
        subject: { type: 'case', id: order.caseNumber },
        payload: { orderId: order.id, kind: order.kind, from: order.status, to: status, reason: reason ?? null, optOutChecks },
      });
      await this.tell(manager, updated.caseId, updated.caseNumber, updated.permitNumber, updated.holderName, status, reason);
      return orderView(actor, updated, await this.orders.reportsFor(manager, [order.id]), now);
    });
  }

  private async tell(manager: EntityManager, caseId: string, caseNumber: string, permitNumber: string, holder: string, status: string, reason?: string): Promise<void> {
    if (status !== 'delivered' && status !== 'rejected') return;
    const applicantSub = (await this.cases.find(manager, caseId))?.applicantSub;
    const delivered = status === 'delivered';
    const notice = {
      kind: delivered ? 'delivery_delivered' : 'delivery_rejected',
      caseId,
      caseNumber,
      title: delivered
        ? { da: `Data fra ${holder} er leveret (tilladelse ${permitNumber})`, en: `Data from ${holder} delivered (permit ${permitNumber})` }
        : { da: `${holder} har afvist leveringsordren (tilladelse ${permitNumber})`, en: `${holder} rejected the delivery order (permit ${permitNumber})` },
      body: delivered
        ? { da: 'Data er modtaget i analysemiljøet.', en: 'The data have been received in the analysis environment.' }
        : { da: `Begrundelse: ${reason}`, en: `Reason: ${reason}` },
    };
    if (applicantSub) await this.notifier.notify(manager, { ...notice, to: { sub: applicantSub } });
    if (!delivered) await this.notifier.notify(manager, { ...notice, to: { role: 'caseworker' } });
  }
}
