/**
 * The tables only this library names in SQL: the journal of documents sent to the records system.
 * Other libraries call this one; test/architecture/table-ownership.spec.ts holds every library to it.
 */
export const OWNED_TABLES = ['journal_case', 'journal_document'] as const;
