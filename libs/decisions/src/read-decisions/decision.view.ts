import { Actor } from '@kp/auth';
import { AppealGuidance, storedAppealGuidance } from '../domain/appeal-guidance';
import { DecisionDraftRecord, DecisionRecord, PermitRecord, RecommendationRecord } from '../domain/decision-records';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

/**
 * Appeal guidance as its reader sees it: staff (and the deciding controller) also see what the entry
 * rests on and whether it is confirmed, so an unverified route is checked before it is relied on.
 */
function appealGuidanceView(stored: DecisionRecord['appealGuidance'], internal: boolean) {
  const { verified, legalReference, ...shown }: AppealGuidance = storedAppealGuidance(stored);
  return internal ? { ...shown, verified, legalReference } : shown;
}

/**
 * A decision as published to its reader: the deciding person is named to staff and auditors only.
 * Decisions issued before standard conditions existed show none (they are immutable).
 */
export function decisionView(actor: Actor, d: DecisionRecord & { supersededBy?: string | null }) {
  const internal = ['caseworker', 'legal_approver', 'auditor'].includes(actor.role) || (actor.role === 'controller' && actor.organisation === d.decidedByOrg);
  return {
    id: d.id,
    caseId: d.caseId,
    subCaseId: d.subCaseId,
    track: d.track,
    outcome: d.outcome,
    decidingAuthority: d.decidingAuthority,
    decidedBy: { role: d.decidedByRole, organisation: d.decidedByOrg, ...(internal ? { sub: d.decidedBySub, draftedBy: d.draftedBy } : {}) },
    legalBasis: d.legalBasis,
    reasoning: d.reasoning,
    conditions: d.conditions,
    standardConditions: d.standardConditions ?? [],
    appealGuidance: appealGuidanceView(d.appealGuidance, internal),
    engineVerdict: d.engineVerdict,
    departsFromEngine: d.departsFromEngine,
    departureReason: d.departureReason,
    supersedes: d.supersedesId,
    supersededBy: d.supersededBy ?? null,
    current: !d.supersededBy,
    issuedAt: iso(d.issuedAt),
    publishBy: iso(d.publishBy),
  };
}

export function draftView(d: DecisionDraftRecord) {
  return {
    id: d.id,
    subCaseId: d.subCaseId,
    outcome: d.outcome,
    legalBasis: d.legalBasis,
    reasoning: d.reasoning,
    conditions: d.conditions,
    engineVerdict: d.engineVerdict,
    departsFromEngine: d.departsFromEngine,
    departureReason: d.departureReason,
    supersedes: d.supersedesId,
    draftedBy: d.draftedBy,
    draftedAt: iso(d.draftedAt),
    state: d.state,
    closedBy: d.closedBy,
    closedAt: iso(d.closedAt),
    returnReason: d.returnReason,
  };
}

export function recommendationView(r: RecommendationRecord) {
  return {
    id: r.id,
    subCaseId: r.subCaseId,
    outcome: r.outcome,
    reasoning: r.reasoning,
    conditions: r.conditions,
    engineVerdict: r.engineVerdict,
    departsFromEngine: r.departsFromEngine,
    departureReason: r.departureReason,
    recommendedAt: iso(r.recommendedAt),
  };
}

export function permitView(p: PermitRecord) {
  return {
    id: p.id,
    number: p.number,
    version: p.version ?? 1,
    previousVersionId: p.previousVersionId ?? null,
    caseId: p.caseId,
    state: p.state,
    approvedParts: p.approvedParts.map((part) => ({ ...part, standardConditions: part.standardConditions ?? [], change: part.change ?? 'granted' })),
    conditions: p.conditions,
    standardConditions: p.standardConditions ?? [],
    fees: p.fees ?? null,
    processingEnvironment: p.processingEnvironment,
    validFrom: iso(p.validFrom),
    validUntil: iso(p.validUntil),
    issuedAt: iso(p.issuedAt),
    endedAt: iso(p.endedAt),
    endReason: p.endReason,
  };
}

/** One version in a permit's chain: which case gave it, when, and until when it ran. */
export function permitVersionView(p: PermitRecord, caseNumber: string) {
  return { id: p.id, version: p.version, caseId: p.caseId, caseNumber, state: p.state, validUntil: iso(p.validUntil), issuedAt: iso(p.issuedAt), endedAt: iso(p.endedAt), endReason: p.endReason };
}
