export type NoteVisibility = 'internal' | 'applicant';
export const NOTE_VISIBILITIES: readonly NoteVisibility[] = ['internal', 'applicant'];

export interface NoteRecord {
  id: string;
  caseId: string;
  authorSub: string;
  authorRole: string;
  visibility: NoteVisibility;
  text: string;
  createdAt: Date;
}

