import { ApplicationContent, CaseKind, PermitChangeRef, Track } from '@kp/cases';

export type ApplicationStatus = 'draft' | 'submitted' | 'withdrawn';

export interface ApplicationRecord {
  id: string;
  applicantSub: string;
  applicantOrg: string | null;
  /** `amendment` or `extension`: a change to the running permit named by `amends`. */
  kind: CaseKind;
  amends: PermitChangeRef | null;
  content: ApplicationContent;
  status: ApplicationStatus;
  version: number;
  caseId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface AuthorityAssignment {
  id: string | null;
  dataSourceId: string;
  track: Track;
  decidingAuthority: string;
  effectiveFrom: Date | null;
  /** `manifest` when no admin assignment is in force yet and the plugin's default applies. */
  origin: 'assignment' | 'manifest';
}
