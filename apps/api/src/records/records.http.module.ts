import { RecordsModule } from '@kp/records';
import { Module } from '@nestjs/common';
import { RecordsController } from './records.controller';

/** HTTP wiring for the authority's records duties: the activity report, the journal, access to files. */
@Module({
  imports: [RecordsModule],
  controllers: [RecordsController],
})
export class RecordsHttpModule {}
