import { EntityManager } from 'typeorm';
import { NotificationRecord } from './notification';

/**
 * A way to tell people beyond the stored row (read through `GET /v1/me/notifications`): e-mail
 * (EmailChannel, bound when `SMTP_URL` is set); Digital Post is a port only (docs/digital-post.md).
 *
 * `deliver` runs inside the caller's transaction. An adapter must therefore not send anything itself:
 * it enqueues an outbox job (JobQueue) that sends after commit, so nobody is told about a change
 * that was rolled back.
 */
export abstract class NotificationChannel {
  abstract readonly name: string;
  abstract deliver(manager: EntityManager, notification: NotificationRecord): Promise<void>;
}

/** Injection token for the channels the Notifier hands each stored notice to. */
export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');
