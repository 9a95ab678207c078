import { StaffRepository } from '@kp/cases';
import { JobContext, JobHandler } from '@kp/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DeliveryRepository } from '../infrastructure/delivery.repository';
import { NotificationRepository } from '../infrastructure/notification.repository';
import { renderNoticeMail } from './email-template';
import { Mailer } from './mailer.port';

export const DELIVER_EMAIL_JOB = 'deliver-notice-email';

/** Raised when another job is sending the same delivery right now; this one is retried and then finds it sent. */
export class DeliveryBusyError extends Error {
  constructor(id: string) {
    super(`delivery ${id} is being sent by another job`);
    this.name = 'DeliveryBusyError';
  }
}

/**
 * Sends one notice's e-mail to one person. Delivery is at least once: a send that fails throws, the
 * job is retried by the queue (and, once its retries run out, queued again by the redelivery
 * sweep); a message accepted by the server whose "sent" mark is lost is sent again — with the same
 * Message-ID, so it is recognisably the same message.
 */
@Injectable()
export class DeliverEmailHandler implements JobHandler<{ deliveryId: string }> {
  readonly jobName = DELIVER_EMAIL_JOB;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly notifications: NotificationRepository,
    private readonly staff: StaffRepository,
    private readonly mailer: Mailer,
  ) {}

  async handle(manager: EntityManager, { deliveryId }: { deliveryId: string }, _context: JobContext): Promise<void> {
    if (!(await this.deliveries.trySending(manager, deliveryId))) throw new DeliveryBusyError(deliveryId);
    const delivery = await this.deliveries.find(manager, deliveryId);
    if (!delivery || delivery.state === 'sent') return;
    const notification = (await this.notifications.find(manager, delivery.notificationId))!;
    const person = await this.staff.find(manager, delivery.recipientSub);
    const { subject, text, html } = renderNoticeMail(notification, { name: person?.name ?? null, role: person?.role ?? notification.recipientRole ?? 'researcher' }, delivery.language);
    try {
      await this.mailer.send({ to: delivery.address, subject, text, html, messageId: delivery.messageId, language: delivery.language });
    } catch (error) {
      await this.deliveries.recordAttempt(this.db, deliveryId, String(error));
      throw error;
    }
    await this.deliveries.recordAttempt(this.db, deliveryId);
    await this.deliveries.markSent(manager, deliveryId);
  }
}
