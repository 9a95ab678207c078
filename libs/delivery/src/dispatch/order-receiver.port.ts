/** An order as sent to a receiver: the order itself, and what kind of message it is. */
export interface OrderMessage {
  type: 'delivery_order' | 'stop_order';
  /** Stable across retries, so the receiver recognises a resent message. */
  messageId: string;
  order: Record<string, unknown>;
}

/**
 * The port every receiver adapter implements (webhook, file drop): deliver one message or throw,
 * and the outbox's job is retried. A receiver must accept the same message twice.
 */
export interface OrderReceiver {
  send(message: OrderMessage): Promise<void>;
}
