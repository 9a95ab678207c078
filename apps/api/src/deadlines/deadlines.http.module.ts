import { ApplicationsModule } from '@kp/applications';
import { DeadlinesModule } from '@kp/deadlines';
import { NotificationsModule } from '@kp/notifications';
import { Module } from '@nestjs/common';
import { ClockExtensionsController } from './clock-extensions.controller';
import { NotificationsController } from './notifications.controller';
import { ResubmitController } from './resubmit.controller';
import { SupplementRequestsController } from './supplement-requests.controller';

/** HTTP wiring for deadlines: its controllers and the lib modules they call. */
@Module({
  imports: [ApplicationsModule, DeadlinesModule, NotificationsModule],
  controllers: [NotificationsController, SupplementRequestsController, ResubmitController, ClockExtensionsController],
})
export class DeadlinesHttpModule {}
