import { NotificationsModule } from '@kp/notifications';
import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';

/** HTTP wiring for notifications: each person reads and marks the notices addressed to them. */
@Module({
  imports: [NotificationsModule],
  controllers: [NotificationsController],
})
export class NotificationsHttpModule {}
