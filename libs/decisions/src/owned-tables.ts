/**
 * The tables only this library names in SQL: drafts, recommendations, decisions, permits and the permit number series.
 * Other libraries call this one; test/architecture/table-ownership.spec.ts holds every library to it.
 */
export const OWNED_TABLES = ['decision_draft', 'recommendation', 'decision', 'permit', 'permit_number_counter'] as const;
