export { CONSULTATION_STATES } from '@kp/applications';
export type { ConsultationState } from '@kp/applications';

export type NoteVisibility = 'internal' | 'applicant';
export const NOTE_VISIBILITIES: readonly NoteVisibility[] = ['internal', 'applicant'];

/** A declared conflict of interest (inhabilitet, forvaltningsloven § 3) in one organisation. */
export interface DeclaredConflict {
  actorSub: string;
  organisationCvr: string;
  reason: string;
  declaredAt: Date;
}

export interface StaffMember {
  sub: string;
  role: string;
  organisation: string | null;
  name: string | null;
  lastSeenAt: Date;
}

export interface NoteRecord {
  id: string;
  caseId: string;
  authorSub: string;
  authorRole: string;
  visibility: NoteVisibility;
  text: string;
  createdAt: Date;
}

