/** The kinds of document journalised, each received or sent in a case. */
export const JOURNAL_DOCUMENT_KINDS = ['application', 'supplement_request', 'supplement_answer', 'hearing', 'hearing_answer', 'decision', 'permit'] as const;
export type JournalDocumentKind = (typeof JOURNAL_DOCUMENT_KINDS)[number];

/** FESD's direction of a document: received (indgående), sent (udgående) or internal (internt). */
export type JournalDirection = 'incoming' | 'outgoing' | 'internal';

/** A case as registered in the records system: its journal number (journalnummer). */
export interface JournalCaseRecord {
  caseId: string;
  caseNumber: string;
  journalNumber: string;
  title: string;
  openedAt: Date;
  registeredAt: Date;
}

/** One journalised document: its number in the case (journal number and running sequence). */
export interface JournalDocumentRecord {
  id: string;
  caseId: string;
  sequence: number;
  documentNumber: string;
  kind: JournalDocumentKind;
  documentId: string;
  title: string;
  direction: JournalDirection;
  documentDate: Date;
  registeredAt: Date;
}

/** A document of a case before it is journalised: what the owning library says it is. */
export type JournalDocumentCandidate = Pick<JournalDocumentRecord, 'kind' | 'documentId' | 'title' | 'direction' | 'documentDate'>;
