/**
 * The tables only this library names in SQL: drafts, recommendations, decisions, permits, the permit number series the hearings before a refusal or a revocation, and the appeals and reopening requests (reconsideration).
 * Other libraries call this one; test/architecture/table-ownership.spec.ts holds every library to it.
 */
export const OWNED_TABLES = ['decision_draft', 'recommendation', 'decision', 'permit', 'permit_number_counter', 'party_hearing', 'reconsideration'] as const;
