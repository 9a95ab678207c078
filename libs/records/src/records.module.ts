import { AttachmentsModule } from '@kp/attachments';
import { AuditModule } from '@kp/audit';
import { CaseWorkModule } from '@kp/case-work';
import { CasesModule } from '@kp/cases';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { DeadlinesModule } from '@kp/deadlines';
import { DecisionsModule } from '@kp/decisions';
import { Module } from '@nestjs/common';
import { AccessToFiles } from './access-to-files/access-to-files.usecase';
import { CaseFileReader } from './access-to-files/case-file-reader';
import { ActivityReports } from './activity-report/activity-report.usecase';
import { AttachmentStoreCaseAttachments } from './attachments/attachment-store-case-attachments';
import { CaseAttachments } from './attachments/case-attachments.port';
import { FesdFileExport } from './journal/fesd-file-export';
import { JournalRepository } from './journal/journal.repository';
import { JournalTriggers } from './journal/journal-triggers';
import { ReadJournal } from './journal/read-journal.usecase';
import { RecordsSystem } from './journal/records-system.port';
import { ArchiveHandover, NoArchiveHandover } from './retention/archive-handover.port';
import { FileArchiveHandover } from './retention/file-archive-handover';

/**
 * An authority's records duties (issue 16): the yearly activity report, the journal, retention and
 * access to files (docs/records-and-retention.md). Every process that submits or decides loads
 * it, since the journal job is queued in the transaction that made the document (JournalTriggers).
 */
@Module({
  imports: [CasesModule, DecisionsModule, CaseWorkModule, DeadlinesModule, AuditModule, AttachmentsModule],
  providers: [
    ActivityReports,
    JournalRepository,
    JournalTriggers,
    ReadJournal,
    CaseFileReader,
    AccessToFiles,
    { provide: RecordsSystem, useClass: FesdFileExport },
    { provide: CaseAttachments, useClass: AttachmentStoreCaseAttachments },
    {
      provide: ArchiveHandover,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => (config.records.archiveExportDir ? new FileArchiveHandover(config.records.archiveExportDir) : new NoArchiveHandover()),
    },
  ],
  exports: [ActivityReports, ReadJournal, AccessToFiles, JournalRepository, RecordsSystem, CaseAttachments, ArchiveHandover],
})
export class RecordsModule {}
