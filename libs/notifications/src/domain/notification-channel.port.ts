import { EntityManager } from 'typeorm';
import { NotificationRecord } from './notification';

/**
 * A way to tell people beyond the stored row: e-mail, Digital Post (Danish public digital mail).
 * None exists yet — today a notification is the `notification` row, read through
 * `GET /v1/me/notifications` — so no implementation is bound and `NOTIFICATION_CHANNELS` is empty.
 *
 * `deliver` runs inside the caller's transaction. An adapter must therefore not send anything itself:
 * it enqueues an outbox job (JobQueue) that sends after commit, so nobody is told about a change
 * that was rolled back.
 */
export abstract class NotificationChannel {
  abstract readonly name: string;
  abstract deliver(manager: EntityManager, notification: NotificationRecord): Promise<void>;
}

/** Injection token for the channels the Notifier hands each stored notice to (none yet). */
export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');
