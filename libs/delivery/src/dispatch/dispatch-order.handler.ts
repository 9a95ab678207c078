import { SYSTEM_ACTOR } from '@kp/audit';
import { BusinessClock } from '@kp/clock';
import { APP_CONFIG, AppConfig, DeliveryReceiver } from '@kp/config';
import { JobHandler, JobHandlerRegistry } from '@kp/queue';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DeliveryOrderRepository } from '../infrastructure/delivery-order.repository';
import { orderView } from '../read-orders/order.view';
import { FileDropReceiver } from './file-drop-receiver';
import { OrderReceiver } from './order-receiver.port';
import { WebhookReceiver } from './webhook-receiver';

export const DISPATCH_ORDER_JOB = 'dispatch-delivery-order';

export function receiverFor(config: DeliveryReceiver): OrderReceiver {
  return config.adapter === 'webhook' ? new WebhookReceiver(config.url, config.secret) : new FileDropReceiver(config.directory);
}

/**
 * Sends a new order, from the outbox, to the receivers configured for its holder and for the
 * operator of its environment (`DELIVERY_RECEIVERS`). A failure throws and the queue retries with
 * backoff; an organisation without a receiver reads its orders through the API.
 */
@Injectable()
export class DispatchOrderHandler implements JobHandler<{ orderId: string }>, OnModuleInit {
  readonly jobName = DISPATCH_ORDER_JOB;

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly orders: DeliveryOrderRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: BusinessClock,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(manager: EntityManager, { orderId }: { orderId: string }): Promise<void> {
    const order = await this.orders.find(manager, orderId);
    if (!order) return;
    const organisations = [...new Set([order.holderOrg, order.instructions.environment.operator?.cvr].filter((o): o is string => !!o))];
    const receivers = organisations.map((org) => this.config.deliveryReceivers[org]).filter((r): r is DeliveryReceiver => !!r);
    if (receivers.length === 0) return;
    // The order as its holder reads it through the API, without staff-only detail.
    const view = orderView({ sub: SYSTEM_ACTOR.sub, role: 'data_holder', organisation: order.holderOrg }, order, await this.orders.reportsFor(manager, [order.id]), this.clock.now());
    const message = { type: order.kind === 'delivery' ? ('delivery_order' as const) : ('stop_order' as const), messageId: `${order.kind}-${order.id}`, order: view };
    for (const receiver of receivers) await receiverFor(receiver).send(message);
    await this.orders.markDispatched(manager, order.id, this.clock.now());
  }
}
