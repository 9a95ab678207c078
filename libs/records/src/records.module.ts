import { CasesModule } from '@kp/cases';
import { DecisionsModule } from '@kp/decisions';
import { Module } from '@nestjs/common';
import { ActivityReports } from './activity-report/activity-report.usecase';
import { FesdFileExport } from './journal/fesd-file-export';
import { JournalRepository } from './journal/journal.repository';
import { JournalTriggers } from './journal/journal-triggers';
import { ReadJournal } from './journal/read-journal.usecase';
import { RecordsSystem } from './journal/records-system.port';

/**
 * An authority's records duties (issue 16): the yearly activity report, the journal, retention and
 * access to files (docs/records-and-retention.md). Every process that submits or decides loads
 * it, since the journal job is queued in the transaction that made the document (JournalTriggers).
 */
@Module({
  imports: [CasesModule, DecisionsModule],
  providers: [ActivityReports, JournalRepository, JournalTriggers, ReadJournal, { provide: RecordsSystem, useClass: FesdFileExport }],
  exports: [ActivityReports, ReadJournal, JournalRepository, RecordsSystem],
})
export class RecordsModule {}
