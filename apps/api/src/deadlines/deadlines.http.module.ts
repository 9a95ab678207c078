import { NotificationsModule } from '@kp/notifications';
import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';

/** HTTP wiring for deadlines: its controllers and the lib modules they call. */
@Module({
  imports: [NotificationsModule],
  controllers: [NotificationsController],
})
export class DeadlinesHttpModule {}
