import { ApplicationsModule } from '@kp/applications';
import { DecisionsModule } from '@kp/decisions';
import { Module } from '@nestjs/common';
import { DecisionsController, PublicDecisionsController } from './decisions.controller';
import { ReconsiderationsController } from './reconsiderations.controller';

/** HTTP wiring for decisions, recommendations, permits and the public decision register. */
@Module({
  imports: [DecisionsModule, ApplicationsModule],
  controllers: [DecisionsController, PublicDecisionsController, ReconsiderationsController],
})
export class DecisionsHttpModule {}
