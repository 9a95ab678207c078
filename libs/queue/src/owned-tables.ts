/**
 * The tables only this library names in SQL: the transactional outbox and the jobs already run.
 * Other libraries call this one; test/architecture/table-ownership.spec.ts holds every library to it.
 */
export const OWNED_TABLES = ['outbox', 'processed_job'] as const;
