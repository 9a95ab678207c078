import type { Track } from '@kp/cases';
import type { FeeEstimate, Verdict } from '@kp/rules';
import type { AppealGuidance } from './appeal-guidance';
import { Outcome } from './outcome';
import type { PermitCondition } from './permit-conditions';

export interface DecisionDraftRecord {
  id: string;
  caseId: string;
  subCaseId: string;
  outcome: Outcome;
  legalBasis: string;
  reasoning: string;
  conditions: string[];
  screeningId: string | null;
  engineVerdict: Verdict | null;
  departsFromEngine: boolean;
  departureReason: string | null;
  supersedesId: string | null;
  draftedBy: string;
  draftedAt: Date;
  state: 'pending' | 'issued' | 'returned';
  closedBy: string | null;
  closedAt: Date | null;
  returnReason: string | null;
}

export interface RecommendationRecord {
  id: string;
  caseId: string;
  subCaseId: string;
  outcome: Outcome;
  reasoning: string;
  conditions: string[];
  screeningId: string | null;
  engineVerdict: Verdict | null;
  departsFromEngine: boolean;
  departureReason: string | null;
  controllerOrg: string | null;
  recommendedBy: string;
  recommendedAt: Date;
}

/** A juridisk afgørelse: immutable once issued. */
export interface DecisionRecord {
  id: string;
  caseId: string;
  subCaseId: string;
  track: Track;
  outcome: Outcome;
  decidingAuthority: string;
  decidedBySub: string;
  decidedByRole: string;
  decidedByOrg: string | null;
  draftedBy: string | null;
  draftId: string | null;
  recommendationId: string | null;
  legalBasis: string;
  reasoning: string;
  /** The decider's own conditions (free text). */
  conditions: string[];
  /** The standard conditions of an approval under the law of the decision date; none on a rejection. */
  standardConditions: PermitCondition[];
  appealGuidance: AppealGuidance;
  screeningId: string | null;
  engineVerdict: Verdict | null;
  departsFromEngine: boolean;
  departureReason: string | null;
  supersedesId: string | null;
  issuedAt: Date;
  publishBy: Date;
}

/**
 * How a part came into a permit version: `granted` by the case that issued the first version, or in
 * a later version by an amendment or extension — `data` (a new source or a changed data request:
 * the holder delivers again), `terms` (period, named researchers …: no new data), or `carried`
 * unchanged from the previous version (its decision is the earlier one).
 */
export const PART_CHANGES = ['granted', 'data', 'terms', 'carried'] as const;
export type PartChange = (typeof PART_CHANGES)[number];

export interface PermitPart {
  subCaseId: string;
  dataSourceId: string;
  decisionId: string;
  outcome: Outcome;
  conditions: string[];
  standardConditions: PermitCondition[];
  /** Absent on permits issued before versions (issue 15): `granted`. */
  change?: PartChange;
}

/**
 * Where a statistics-only request's results go: to the applicant, by the holder, as anonymised
 * statistical results (EHDS art. 69) — no analysis environment, and kontaktpunkt never holds them.
 */
export const STATISTICS_TO_APPLICANT = 'statistics_to_applicant';

export interface PermitRecord {
  id: string;
  number: string;
  /** 1 for the permit an application gave; each amendment or extension gives the next version under the same number. */
  version: number;
  previousVersionId: string | null;
  caseId: string;
  state: 'active' | 'expired' | 'revoked' | 'superseded';
  approvedParts: PermitPart[];
  /** What the holders charge for this version's data, one line per holder (EHDS art. 62 from 2029); null on permits issued before fees. */
  fees: FeeEstimate | null;
  /** The deciders' own conditions of every approved part. */
  conditions: string[];
  /** The standard conditions of every approved part, once each. */
  standardConditions: PermitCondition[];
  processingEnvironment: string;
  validFrom: Date;
  validUntil: Date;
  issuedAt: Date;
  endedAt: Date | null;
  endedBy: string | null;
  endReason: string | null;
}
