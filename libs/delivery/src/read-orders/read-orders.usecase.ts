import { Actor } from '@kp/auth';
import { CaseFileRepository } from '@kp/cases';
import { BusinessClock } from '@kp/clock';
import { notFound } from '@kp/errors';
import { decodeKeysetCursor, encodeKeysetCursor } from '@kp/persistence';
import { RuleSetRegistry } from '@kp/rules';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DeliveryOrderRepository, OrderScope } from '../infrastructure/delivery-order.repository';
import { CASE_READERS } from '../domain/order-access';
import { OrderReader } from './order-reader';
import { orderSummary, OrderSummary, orderView } from './order.view';
import { CaseOrdersCommand, GetOrderCommand, MyOrdersCommand } from './read-orders.command';

/** Delivery and stop orders as their readers may see them (OrderReader decides who). */
@Injectable()
export class ReadOrders {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: OrderReader,
    private readonly orders: DeliveryOrderRepository,
    private readonly cases: CaseFileRepository,
    private readonly clock: BusinessClock,
    private readonly registry: RuleSetRegistry,
  ) {}

  async one(actor: Actor, { orderId }: GetOrderCommand) {
    const order = await this.reader.visibleOrder(this.db.manager, actor, orderId);
    return orderView(actor, order, await this.orders.reportsFor(this.db.manager, [order.id]), this.clock.now());
  }

  /** The orders of a case, on the case: the applicant follows the delivery of their data, the caseworker sees where it waits. */
  async ofCase(actor: Actor, { caseId }: CaseOrdersCommand) {
    const manager = this.db.manager;
    const c = await this.cases.find(manager, caseId);
    if (!c || !(await this.reader.mayRead(manager, actor, c))) throw notFound('case', caseId);
    const orders = await this.orders.page(manager, { caseId: c.id }, 1000);
    const reports = await this.orders.reportsFor(manager, orders.map((o) => o.id));
    const now = this.clock.now();
    return { caseId: c.id, caseNumber: c.number, items: orders.map((o) => orderView(actor, o, reports, now)) };
  }

  /**
   * The orders of a case as one line each, for the case view; undefined for those who read the case
   * but not its orders (advisors, controllers: the delivery is between the applicant, the contact
   * point and the holders). The case itself was access-checked by the caller; this checks again.
   */
  async summariesOfCase(actor: Actor, caseId: string): Promise<OrderSummary[] | undefined> {
    if (!(CASE_READERS as readonly string[]).includes(actor.role)) return undefined;
    return (await this.ofCase(actor, CaseOrdersCommand.create({ caseId }))).items.map(orderSummary);
  }

  /** A holder's orders, or an environment's: the delivery staff's work list. */
  async mine(actor: Actor, { limit, cursor }: MyOrdersCommand) {
    const manager = this.db.manager;
    const after = decodeKeysetCursor(cursor);
    const scope: OrderScope | undefined =
      actor.role === 'data_holder' && actor.organisation
        ? { holderOrg: actor.organisation }
        : actor.role === 'environment_operator' && actor.organisation
          ? { environments: this.registry.environmentsOperatedBy(actor.organisation) }
          : undefined;
    if (!scope) return { items: [], nextCursor: null };
    const rows = await this.orders.page(manager, scope, limit + 1, after);
    const page = rows.slice(0, limit);
    const reports = await this.orders.reportsFor(manager, page.map((o) => o.id));
    const now = this.clock.now();
    const last = page[page.length - 1];
    return { items: page.map((o) => orderView(actor, o, reports, now)), nextCursor: rows.length > limit && last ? encodeKeysetCursor({ key: last.position, id: last.id }) : null };
  }
}
