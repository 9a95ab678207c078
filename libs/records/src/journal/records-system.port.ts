import { JournalCaseRecord, JournalDocumentRecord } from './journal-records';

/**
 * The port to the authority's records system (ESDH): the journal number a new case gets, and the
 * hand-over of each case and document registration. An adapter throws when the records system did
 * not take it, and the outbox job is retried; it must accept the same registration twice.
 */
export abstract class RecordsSystem {
  abstract journalNumber(caseNumber: string): string;
  abstract registerCase(c: JournalCaseRecord): Promise<void>;
  abstract registerDocument(c: JournalCaseRecord, d: JournalDocumentRecord): Promise<void>;
}
