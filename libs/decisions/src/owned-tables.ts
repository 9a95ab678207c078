/**
 * The tables only this library names in SQL: drafts, recommendations, decisions, permits, the permit number series and the hearings before a refusal.
 * Other libraries call this one; test/architecture/table-ownership.spec.ts holds every library to it.
 */
export const OWNED_TABLES = ['decision_draft', 'recommendation', 'decision', 'permit', 'permit_number_counter', 'party_hearing'] as const;
