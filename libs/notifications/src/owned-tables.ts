/**
 * The tables only this library names in SQL: notices and who has read a role notice.
 * Other libraries call this one; test/architecture/table-ownership.spec.ts holds every library to it.
 */
export const OWNED_TABLES = ['notification', 'notification_read'] as const;
