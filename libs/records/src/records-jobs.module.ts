import { CasesModule } from '@kp/cases';
import { DecisionsModule } from '@kp/decisions';
import { Module } from '@nestjs/common';
import { JournaliseCaseHandler } from './journal/journal-case.handler';
import { RecordsModule } from './records.module';

/** For the worker: journalising from the outbox. */
@Module({
  imports: [RecordsModule, CasesModule, DecisionsModule],
  providers: [JournaliseCaseHandler],
})
export class RecordsJobsModule {}
