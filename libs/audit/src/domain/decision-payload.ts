import { JsonObject } from './audit-event';

/**
 * What a `decision.issued` event must carry so the decision can be explained and replayed years
 * later without any other table (DESIGN.md §7; forvaltningsloven §§ 22–24 on reasoning and the
 * rules applied; EHDS art. 68). Use cases build it; `satisfies DecisionAuditPayload` checks it.
 */
export interface DecisionAuditPayload {
  readonly caseId: string;
  readonly subCaseId: string;
  readonly decisionId: string;
  readonly outcome: 'approved' | 'approved_with_conditions' | 'rejected';
  /** The deciding authority (contact point or data controller) and person. */
  readonly decidingAuthority: string;
  readonly legalBasis: string;
  /** Begrundelse, forvaltningsloven § 22. */
  readonly reasoning: string;
  readonly conditions: readonly string[];
  /** The permit's standard conditions the decision attached, with the provisions they rest on (issue 10). */
  readonly standardConditions?: readonly { readonly code: string; readonly binding: boolean; readonly legalReference: string }[];
  /** Klagevejledning, forvaltningsloven § 25. */
  readonly appealGuidance: string;
  /** Where the appeal guidance came from: the authority's entry, and whether it is confirmed. */
  readonly appealRoute?: { readonly kind: string; readonly appealBody: string | null; readonly legalReference: string | null; readonly verified: boolean };
  /** The facts the rules were evaluated on. */
  readonly facts: JsonObject;
  /** Every rule-set used, by id, version and content hash, so the screening can be replayed. */
  readonly ruleSets: readonly { readonly id: string; readonly version: string; readonly contentHash: string }[];
  readonly findings: readonly {
    readonly code: string;
    readonly severity: 'blocking' | 'warning' | 'info';
    readonly legalReference: string;
  }[];
  readonly engineVerdict: 'approve' | 'deny' | 'abstain';
  /** Why the decider departed from the engine's verdict, when they did. */
  readonly departure: string | null;
  readonly supersedes: string | null;
}
