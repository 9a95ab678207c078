import { StaffMember, StaffRepository } from '@kp/cases';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { JobQueue } from '@kp/queue';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotificationRecord } from '../domain/notification';
import { NotificationChannel } from '../domain/notification-channel.port';
import { DeliveryRepository } from '../infrastructure/delivery.repository';
import { DELIVER_EMAIL_JOB } from './deliver-email.handler';
import { noticeMessageId } from './message-id';

/** A notice to `{ sub: 'mailto:<address>' }` goes to that address only (it has no subject yet, so no in-app reader). */
export const MAILTO = 'mailto:';

/**
 * E-mail (bound when `SMTP_URL` is set). In the notice's transaction it decides who receives it —
 * the person, or the active members of the role in the staff directory, within the organisation or
 * region the notice names — and writes one delivery and one outbox job per person with an address.
 * Nothing is sent here: the job sends after commit, so a slow or failing mail server never blocks
 * the command and nobody is told of a change that rolled back.
 */
@Injectable()
export class EmailChannel extends NotificationChannel {
  readonly name = 'email';

  constructor(
    private readonly staff: StaffRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async deliver(manager: EntityManager, notification: NotificationRecord): Promise<void> {
    const fromAddress = this.config.mail?.fromAddress;
    if (!fromAddress) return;
    for (const person of await this.recipients(manager, notification)) {
      if (!person.email) continue;
      const id = await this.deliveries.insert(manager, {
        notificationId: notification.id,
        recipientSub: person.sub,
        address: person.email,
        language: person.language,
        messageId: noticeMessageId(notification.id, person.sub, fromAddress),
      });
      if (id) await this.queue.enqueue(manager, { name: DELIVER_EMAIL_JOB, payload: { deliveryId: id } });
    }
  }

  /** A personal notice reaches its person (active or not: it is about their own matter); a role notice its active members. */
  private async recipients(manager: EntityManager, n: NotificationRecord): Promise<StaffMember[]> {
    // Someone invited by address before they ever signed in (an application's team): the address is all there is.
    if (n.recipientSub?.startsWith(MAILTO)) {
      const email = n.recipientSub.slice(MAILTO.length);
      return [{ sub: n.recipientSub, role: 'researcher', organisation: null, region: null, name: null, email, emailSource: 'admin', language: 'da', active: true, firstSeenAt: n.createdAt, lastSeenAt: n.createdAt, signedIn: false, addedBy: null, updatedBy: null, updatedAt: null, absentSince: null, absentUntil: null, absenceMarkedBy: null }];
    }
    if (n.recipientSub !== null) {
      const person = await this.staff.find(manager, n.recipientSub);
      return person ? [person] : [];
    }
    return this.staff.activeMembers(manager, { role: n.recipientRole!, organisation: n.recipientOrg ?? undefined, region: n.recipientRegion ?? undefined });
  }
}
