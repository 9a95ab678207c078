import { Actor } from '@kp/auth';
import { BusinessClock } from '@kp/clock';
import { NotFoundError } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notificationView, NotificationView } from '../domain/notification.view';
import { NotificationRepository } from '../infrastructure/notification.repository';
import { MarkNotificationReadCommand } from './mark-notification-read.command';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Marks a notice read for this reader. A notice to a role is read per person: one caseworker
 * reading it does not hide it from the others.
 */
@Injectable()
export class MarkNotificationRead {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationRepository,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, { notificationId: id }: MarkNotificationReadCommand): Promise<NotificationView> {
    return this.db.transaction(async (manager) => {
      const notification = UUID.test(id) ? await this.notifications.findAddressedTo(manager, actor, id) : undefined;
      if (!notification) throw new NotFoundError('notification', id, `There is no notification ${id} addressed to you.`);
      await this.notifications.markRead(manager, notification, actor.sub, this.clock.now());
      return notificationView((await this.notifications.findAddressedTo(manager, actor, id))!);
    });
  }
}
