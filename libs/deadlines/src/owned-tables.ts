/**
 * The tables only this library names in SQL: requests for supplement and what the deadline sweep last saw of each case.
 * Other libraries call this one; test/architecture/table-ownership.spec.ts holds every library to it.
 */
export const OWNED_TABLES = ['supplement_request', 'deadline_watch'] as const;
