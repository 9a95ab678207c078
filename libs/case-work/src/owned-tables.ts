/**
 * The tables only this library names in SQL: notes on a case.
 * Other libraries call this one; test/architecture/table-ownership.spec.ts holds every library to it.
 */
export const OWNED_TABLES = ['case_note'] as const;
