import { DecisionJobsModule } from '@kp/decisions';
import { Module } from '@nestjs/common';

/** Worker wiring for decisions: the permit-expiry sweep. */
@Module({ imports: [DecisionJobsModule] })
export class DecisionsJobsModule {}
