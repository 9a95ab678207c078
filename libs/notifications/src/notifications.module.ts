import { Module } from '@nestjs/common';
import { NOTIFICATION_CHANNELS } from './domain/notification-channel.port';
import { NotificationRepository } from './infrastructure/notification.repository';
import { ListMyNotifications } from './list-my-notifications/list-my-notifications.usecase';
import { MarkNotificationRead } from './mark-notification-read/mark-notification-read.usecase';
import { Notifier } from './notify/notifier';

/**
 * Notifications: the `Notifier` other libs call inside their transactions, and the reader's use
 * cases. No delivery channel is bound yet (e-mail and Digital Post are later adapters).
 */
@Module({
  providers: [NotificationRepository, Notifier, ListMyNotifications, MarkNotificationRead, { provide: NOTIFICATION_CHANNELS, useValue: [] }],
  exports: [Notifier, ListMyNotifications, MarkNotificationRead],
})
export class NotificationsModule {}
