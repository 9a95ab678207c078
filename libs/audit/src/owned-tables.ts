/**
 * The tables only this library names in SQL: the hash-chained audit trail and its signed checkpoints.
 * Other libraries call this one; test/architecture/table-ownership.spec.ts holds every library to it.
 */
export const OWNED_TABLES = ['audit_event', 'audit_checkpoint'] as const;
