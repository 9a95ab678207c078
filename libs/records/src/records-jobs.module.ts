import { ApplicationsModule } from '@kp/applications';
import { AuditModule } from '@kp/audit';
import { CaseWorkModule } from '@kp/case-work';
import { CasesModule } from '@kp/cases';
import { DeadlinesModule } from '@kp/deadlines';
import { DecisionsModule } from '@kp/decisions';
import { NotificationsModule } from '@kp/notifications';
import { PreScreeningModule } from '@kp/pre-screening';
import { Module } from '@nestjs/common';
import { JournaliseCaseHandler } from './journal/journal-case.handler';
import { RecordsModule } from './records.module';
import { RetentionSweepHandler } from './retention/retention-sweep.handler';

/** For the worker: journalising from the outbox, and the retention sweep. */
@Module({
  imports: [RecordsModule, CasesModule, DecisionsModule, ApplicationsModule, CaseWorkModule, DeadlinesModule, AuditModule, NotificationsModule, PreScreeningModule],
  providers: [JournaliseCaseHandler, RetentionSweepHandler],
})
export class RecordsJobsModule {}
