import { DecisionAuditPayload, JsonObject } from '@kp/audit';
import { ScreeningRepository } from '@kp/cases';
import { EntityManager } from 'typeorm';
import { DecisionRecord } from './decision-records';

/**
 * Everything needed to explain the decision years later, in its audit event: the facts the rules
 * saw, the rule-set versions and content hashes, the findings with legal references, the legal
 * basis, reasoning and any departure from the engine (forvaltningsloven §§ 22–24; DESIGN.md §7).
 */
export async function decisionAuditPayload(manager: EntityManager, screenings: ScreeningRepository, d: DecisionRecord): Promise<DecisionAuditPayload & { decidedBy: { role: string; organisation: string | null } }> {
  const screening = d.screeningId ? await screenings.find(manager, d.screeningId) : undefined;
  return {
    caseId: d.caseId,
    subCaseId: d.subCaseId,
    decisionId: d.id,
    outcome: d.outcome,
    decidingAuthority: d.decidingAuthority,
    decidedBy: { role: d.decidedByRole, organisation: d.decidedByOrg },
    legalBasis: d.legalBasis,
    reasoning: d.reasoning,
    conditions: d.conditions,
    standardConditions: (d.standardConditions ?? []).map((c) => ({ code: c.code, binding: c.binding, legalReference: c.legalReference })),
    appealGuidance: d.appealGuidance.da,
    appealRoute: { kind: d.appealGuidance.kind ?? 'unknown', appealBody: d.appealGuidance.appealBody ?? null, legalReference: d.appealGuidance.legalReference ?? null, verified: d.appealGuidance.verified ?? false },
    facts: (screening?.facts ?? {}) as JsonObject,
    ruleSets: (screening?.ruleSets ?? []).map((r: { id: string; version: string; sha256: string }) => ({ id: r.id, version: r.version, contentHash: r.sha256 })),
    findings: (screening?.findings ?? []).map((f: { code: string; severity: 'blocking' | 'warning' | 'info'; legalReference: string }) => ({
      code: f.code,
      severity: f.severity,
      legalReference: f.legalReference,
    })),
    engineVerdict: d.engineVerdict ?? 'abstain',
    departure: d.departureReason,
    supersedes: d.supersedesId,
  };
}
