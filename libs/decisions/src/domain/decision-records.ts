import type { Track } from '@kp/cases';
import type { Verdict } from '@kp/rules';
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

export interface PermitRecord {
  id: string;
  number: string;
  caseId: string;
  state: 'active' | 'expired' | 'revoked' | 'superseded';
  approvedParts: { subCaseId: string; dataSourceId: string; decisionId: string; outcome: Outcome; conditions: string[]; standardConditions: PermitCondition[] }[];
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
