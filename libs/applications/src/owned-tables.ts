/**
 * The tables only this library names in SQL: drafts, the authority in force per data source, and idempotent submissions.
 * Other libraries call this one; test/architecture/table-ownership.spec.ts holds every library to it.
 */
export const OWNED_TABLES = ['application', 'authority_assignment', 'idempotency_key'] as const;
