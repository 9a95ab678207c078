import { JournalDirection } from '../journal/journal-records';

/** One part of a document that can be given or withheld on its own (e.g. the applicant's details). */
export interface DocumentSection {
  key: string;
  heading: string;
  text: string;
}

/** One document of the case file, as the access-to-files export lists and prints it. */
export interface CaseFileDocument {
  /** `<kind>:<id>`: how the caseworker names it when withholding. */
  key: string;
  kind: 'application' | 'supplement_request' | 'hearing' | 'hearing_answer' | 'note' | 'decision' | 'permit' | 'attachment';
  title: string;
  date: Date;
  direction: JournalDirection;
  /** Its journal number, once journalised. */
  documentNumber: string | null;
  sections: DocumentSection[];
}
