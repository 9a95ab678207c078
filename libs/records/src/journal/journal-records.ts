/** The kinds of document journalised, each received or sent in a case. */
export const JOURNAL_DOCUMENT_KINDS = ['application', 'supplement_request', 'supplement_answer', 'hearing', 'hearing_answer', 'decision', 'permit', 'attachment'] as const;
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

const ATTACHMENT_KIND_DA: Record<string, string> = {
  protocol: 'Protokol',
  ethics_approval: 'Svar fra videnskabsetisk komité',
  record_of_processing: 'Fortegnelse over behandlingsaktiviteter',
  contract: 'Kontrakt',
  hearing_answer: 'Høringssvar',
  legal_opinion: 'Juridisk notat',
  correspondence: 'Korrespondance',
  other: 'Andet',
};

/**
 * An attached document as the journal registers it. Received (indgående): what the applicant's
 * team attached, and what staff attach as received from outside (a hearing answer or a letter
 * that came by post or e-mail). Internal (internt): staff's own legal opinions and other notes
 * to the file. A document attached to the draft was received with the application, so it is
 * dated no earlier than the submission. The title names the kind, not the file: a file name can
 * name a person, and the journal outlives the case's data (docs/records-and-retention.md).
 */
export function attachmentJournalDocument(
  a: { id: string; kind: string; attachedByRole: string; attachedAt: Date },
  submittedAt: Date,
): JournalDocumentCandidate {
  const received = a.attachedByRole === 'researcher' || a.kind === 'hearing_answer' || a.kind === 'correspondence';
  return {
    kind: 'attachment',
    documentId: a.id,
    title: `Bilag: ${ATTACHMENT_KIND_DA[a.kind] ?? a.kind}`,
    direction: received ? 'incoming' : 'internal',
    documentDate: a.attachedAt > submittedAt ? a.attachedAt : submittedAt,
  };
}
