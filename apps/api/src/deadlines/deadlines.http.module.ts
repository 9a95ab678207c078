import { ApplicationsModule } from '@kp/applications';
import { DeadlinesModule } from '@kp/deadlines';
import { Module } from '@nestjs/common';
import { ClockExtensionsController } from './clock-extensions.controller';
import { ResubmitController } from './resubmit.controller';
import { SupplementRequestsController } from './supplement-requests.controller';

/** HTTP wiring for deadlines: its controllers and the lib modules they call. */
@Module({
  imports: [ApplicationsModule, DeadlinesModule],
  controllers: [SupplementRequestsController, ResubmitController, ClockExtensionsController],
})
export class DeadlinesHttpModule {}
