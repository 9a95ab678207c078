/**
 * The tables only this library names in SQL: notices, who has read a role notice, and each e-mail sent for a notice.
 * Other libraries call this one; test/architecture/table-ownership.spec.ts holds every library to it.
 */
export const OWNED_TABLES = ['notification', 'notification_read', 'notification_delivery'] as const;
