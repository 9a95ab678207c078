import type { ApplicationInput, Finding, Requirement, Verdict } from '@kp/rules';
import { CaseKind, CaseState, SubCaseState } from './states';

export type { SubCaseState } from './states';

/** An application's content; a draft may lack any field (the shape of what is present is checked at the HTTP edge). */
export type ApplicationContent = Partial<ApplicationInput>;

export type { Track } from '@kp/clock';
import type { Track } from '@kp/clock';

/** A part of a running permit: its source and the authority that decided it (snapshot of its sub-case). */
export interface PermitPartRef {
  dataSourceId: string;
  dataSourceName: string;
  track: Track;
  decidingAuthority: string;
  authorityAssignmentId: string | null;
  controllerOrg: string | null;
  controllerName: string;
  advisorRegion: string | null;
}

/**
 * The permit version an amendment or extension changes, as it stood when the change was drafted:
 * the content its case was decided on (what the change is measured against) and its parts, whose
 * authority decides their change ("decided by the same authority").
 */
export interface PermitChangeRef {
  permitId: string;
  permitNumber: string;
  permitVersion: number;
  caseId: string;
  caseNumber: string;
  baseContent: ApplicationContent;
  parts: PermitPartRef[];
  /** An extension: why the project needs longer. */
  reason?: string;
}

/** The handling of one application (sag). */
export interface CaseRecord {
  id: string;
  /** Which rows of the state-effects table apply: a new application, or a change to a running permit. */
  kind: CaseKind;
  /** An amendment or extension: the permit version it changes; null for a new application. */
  amends: PermitChangeRef | null;
  number: string;
  applicationId: string;
  applicantSub: string;
  applicantOrg: string | null;
  applicantOrgName: string | null;
  state: CaseState;
  version: number;
  /** The application as submitted (amended on resubmission). */
  content: ApplicationContent;
  submittedAt: Date;
  decidedAt: Date | null;
  withdrawnAt: Date | null;
  assigneeSub: string | null;
  dueAt: Date | null;
  atRisk: boolean;
  overdue: boolean;
  clockPaused: boolean;
  updatedAt: Date;
  /**
   * Co-applicants and named researchers who accepted the applicant's invitation: they read the case,
   * never act on it. Loaded by `CaseFileRepository.find`/`findMany`; absent elsewhere (then nobody but the applicant).
   */
  teamSubs?: string[];
}

/** One data request's part of a case, with the track and authority in force at submission. */
export interface SubCaseRecord {
  id: string;
  caseId: string;
  position: number;
  dataSourceId: string;
  dataSourceName: string;
  track: Track;
  decidingAuthority: string;
  authorityAssignmentId: string | null;
  controllerOrg: string | null;
  controllerName: string;
  advisorRegion: string | null;
  state: SubCaseState;
  decidedAt: Date | null;
}

export interface ScreeningRecord {
  id: string;
  subCaseId: string;
  caseId: string;
  reason: string;
  verdict: Verdict;
  findings: Finding[];
  requirements: Requirement[];
  ruleSets: { id: string; version: string; sha256: string }[];
  trace: unknown;
  facts: Record<string, unknown>;
  application: ApplicationContent;
  dataRequestIndex: number;
  /** The Copenhagen calendar date whose law the screening applied (`YYYY-MM-DD`); a replay applies it too. */
  lawDate: string;
  createdAt: Date;
}

/** A consultation lapses at its deadline when unanswered: it informs, it never blocks the case past it. */
export type ConsultationState = 'open' | 'answered' | 'lapsed';
export const CONSULTATION_STATES: readonly ConsultationState[] = ['open', 'answered', 'lapsed'];

export interface ConsultationRecord {
  id: string;
  caseId: string;
  subCaseId: string | null;
  advisorRegion: string;
  topic: string;
  question: string;
  deadline: Date;
  state: ConsultationState;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
  /** When the sweep found it unanswered past its deadline. */
  lapsedAt: Date | null;
  origin: 'rule' | 'caseworker';
  requestedBy: string;
  createdAt: Date;
}

export interface LegalMatterRecord {
  id: string;
  caseId: string;
  subCaseId: string;
  kind: string;
  code: string;
  description: { da: string; en: string };
  legalReference: string | null;
  blocking: boolean;
  state: 'open' | 'resolved';
  documentReference: string | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  createdAt: Date;
}


/** A declared conflict of interest (inhabilitet, forvaltningsloven § 3) in one organisation. */
export interface DeclaredConflict {
  actorSub: string;
  organisationCvr: string;
  reason: string;
  declaredAt: Date;
}

/** The languages notices are written in; Danish unless the person's token or an admin says English. */
export const NOTICE_LANGUAGES = ['da', 'en'] as const;
export type NoticeLanguage = (typeof NOTICE_LANGUAGES)[number];

/**
 * A person in the staff directory, as last seen in a verified token and as an admin edited them:
 * who to assign cases to, whom a notice to a role reaches (its active members), and where and in
 * which language to e-mail them.
 */
export interface StaffMember {
  sub: string;
  role: string;
  organisation: string | null;
  region: string | null;
  name: string | null;
  email: string | null;
  /** `token`: the `email` claim at sign-in keeps it current; `admin`: an admin set it and sign-in leaves it. */
  emailSource: 'token' | 'admin';
  language: NoticeLanguage;
  active: boolean;
  /** When first seen, or added by an admin before signing in. */
  firstSeenAt: Date;
  lastSeenAt: Date;
  /** false: added by an admin and not yet signed in (`sub` is then a directory id, `added:<uuid>`). */
  signedIn: boolean;
  addedBy: string | null;
  updatedBy: string | null;
  updatedAt: Date | null;
  /** Absent since then (null: present), marked by an admin or the person; `absentUntil` the last day away, when known. */
  absentSince: Date | null;
  absentUntil: string | null;
  absenceMarkedBy: string | null;
}

/** Who the applicant invites to read the application and its case (issue 16): a co-applicant, or a researcher named in it (EHDS art. 61(2)). */
export const TEAM_ROLES = ['co_applicant', 'named_researcher'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
/** Who a researcher is to an application they read: its applicant, or a member of its team (a client shows "shared with you" and hides submit). */
export const PARTY_ROLES = ['applicant', ...TEAM_ROLES] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** An invitation to the team of an application, and once accepted, the membership. */
export interface TeamMemberRecord {
  id: string;
  applicationId: string;
  email: string;
  name: string | null;
  teamRole: TeamRole;
  invitedBy: string;
  invitedAt: Date;
  expiresAt: Date;
  /** The subject who accepted; null while the invitation is open. */
  memberSub: string | null;
  acceptedAt: Date | null;
  /** Removed by the applicant, or left by the member: access ended then. Removed rows are kept for the record. */
  removedAt?: Date | null;
  removedBy?: string | null;
}
