import { PreScreeningModule } from '@kp/pre-screening';
import { Module } from '@nestjs/common';
import { PreScreeningController } from './pre-screening.controller';

/** HTTP wiring for pre-screening help: sharing a draft with a region, the region's comments and queue. */
@Module({
  imports: [PreScreeningModule],
  controllers: [PreScreeningController],
})
export class PreScreeningHttpModule {}
