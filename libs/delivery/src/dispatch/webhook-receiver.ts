import { createHmac } from 'node:crypto';
import { OrderMessage, OrderReceiver } from './order-receiver.port';

/** The header carrying the body's signature: `sha256=` and the hex HMAC-SHA256 of the exact body bytes under the shared secret. */
export const SIGNATURE_HEADER = 'X-Kontaktpunkt-Signature';
const TIMEOUT_MS = 10_000;

export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/**
 * Sends an order to the holder's HTTPS endpoint as JSON, signed with HMAC-SHA256 over the body so
 * the holder can tell it came from the contact point and was not altered. Anything but a 2xx (or
 * no answer within 10 seconds) throws, and the job is retried with backoff.
 */
export class WebhookReceiver implements OrderReceiver {
  constructor(
    private readonly url: string,
    private readonly secret: string,
  ) {}

  async send(message: OrderMessage): Promise<void> {
    const body = JSON.stringify(message);
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signBody(body, this.secret), 'Idempotency-Key': message.messageId },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
    if (!res.ok) throw new Error(`webhook ${this.url} answered ${res.status}`);
  }
}
