import { Actor } from '@kp/auth';
import { canSeeCase, CaseFileRepository, CaseRecord, ConsultationRepository, SubCaseRepository } from '@kp/cases';
import { notFound } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DeliveryOrderRecord } from '../domain/delivery-order';
import { CASE_READERS, isHolderOf, operatesEnvironmentOf } from '../domain/order-access';
import { DeliveryOrderRepository } from '../infrastructure/delivery-order.repository';

/**
 * Who may see an order, checked before anything is read from it: its holder's delivery staff, the
 * operator of its environment, and whoever may see its case among the applicant and contact-point
 * staff (the case kernel's own check). Anyone else is told it does not exist.
 */
@Injectable()
export class OrderReader {
  constructor(
    private readonly orders: DeliveryOrderRepository,
    private readonly cases: CaseFileRepository,
    private readonly subCases: SubCaseRepository,
    private readonly consultations: ConsultationRepository,
  ) {}

  async visibleOrder(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<DeliveryOrderRecord> {
    const order = await this.orders.find(manager, id, lock);
    if (!order || !(isHolderOf(actor, order) || operatesEnvironmentOf(actor, order) || (await this.mayReadCase(manager, actor, order.caseId)))) throw notFound('delivery order', id);
    return order;
  }

  async mayReadCase(manager: EntityManager, actor: Actor, caseId: string): Promise<boolean> {
    if (!(CASE_READERS as readonly string[]).includes(actor.role)) return false;
    const c = await this.cases.find(manager, caseId);
    return !!c && (await this.mayRead(manager, actor, c));
  }

  /** As `mayReadCase`, for a caller that has just read the case row (it is not read again). */
  async mayRead(manager: EntityManager, actor: Actor, c: CaseRecord): Promise<boolean> {
    if (!(CASE_READERS as readonly string[]).includes(actor.role)) return false;
    return canSeeCase(actor, c, await this.subCases.forCase(manager, c.id), await this.consultations.forCase(manager, c.id));
  }
}
