/**
 * The tables only this library names in SQL: every rule-set version ever loaded.
 * Other libraries call this one; test/architecture/table-ownership.spec.ts holds every library to it.
 */
export const OWNED_TABLES = ['rule_set_version'] as const;
