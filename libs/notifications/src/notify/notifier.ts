import { BusinessClock } from '@kp/clock';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NewNotification, NotificationRecord } from '../domain/notification';
import { NOTIFICATION_CHANNELS, NotificationChannel } from '../domain/notification-channel.port';
import { validateNewNotification } from '../domain/validate-notification';
import { NotificationRepository } from '../infrastructure/notification.repository';

/** Raised when `notify` is called outside a transaction: the notice could outlive a failed change. */
export class NotificationTransactionRequiredError extends Error {
  constructor() {
    super("Notifier.notify must be called with the caller's transaction manager (dataSource.transaction(m => ...))");
    this.name = 'NotificationTransactionRequiredError';
  }
}

/**
 * Tells a person or a role about something that happened to a case. The notice is written with the
 * caller's transaction manager, so it exists exactly when the change it reports does.
 */
@Injectable()
export class Notifier {
  constructor(
    private readonly notifications: NotificationRepository,
    @Inject(NOTIFICATION_CHANNELS) private readonly channels: NotificationChannel[],
    private readonly clock: BusinessClock,
  ) {}

  async notify(manager: EntityManager, notification: NewNotification): Promise<NotificationRecord> {
    if (!manager.queryRunner?.isTransactionActive) throw new NotificationTransactionRequiredError();
    validateNewNotification(notification);
    const stored = await this.notifications.insert(manager, notification, this.clock.now());
    for (const channel of this.channels) await channel.deliver(manager, stored);
    return stored;
  }
}
