import { CasesModule } from '@kp/cases';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { Module } from '@nestjs/common';
import { ConsultationNotices } from './case-notices/consultation-notices';
import { NOTIFICATION_CHANNELS, NotificationChannel } from './domain/notification-channel.port';
import { EmailChannel } from './email/email-channel';
import { DeliveryRepository } from './infrastructure/delivery.repository';
import { NotificationRepository } from './infrastructure/notification.repository';
import { ListMyNotifications } from './list-my-notifications/list-my-notifications.usecase';
import { MarkNotificationRead } from './mark-notification-read/mark-notification-read.usecase';
import { Notifier } from './notify/notifier';

/**
 * Notifications: the `Notifier` other libs call inside their transactions, and the reader's use
 * cases. Every notice is stored for the app; with `SMTP_URL` set it is also e-mailed (EmailChannel),
 * to the person or the active members of the role in the staff directory (libs/cases).
 */
@Module({
  imports: [CasesModule],
  providers: [
    NotificationRepository,
    DeliveryRepository,
    Notifier,
    ListMyNotifications,
    MarkNotificationRead,
    EmailChannel,
    ConsultationNotices,
    {
      provide: NOTIFICATION_CHANNELS,
      inject: [APP_CONFIG, EmailChannel],
      useFactory: (config: AppConfig, email: EmailChannel): NotificationChannel[] => (config.mail ? [email] : []),
    },
  ],
  exports: [Notifier, ListMyNotifications, MarkNotificationRead, NotificationRepository, DeliveryRepository],
})
export class NotificationsModule {}
