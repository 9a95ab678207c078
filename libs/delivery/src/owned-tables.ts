/**
 * The tables only this library names in SQL: delivery and stop orders and the status reports on them.
 * Other libraries call this one; test/architecture/table-ownership.spec.ts holds every library to it.
 */
export const OWNED_TABLES = ['delivery_order', 'delivery_status_report'] as const;
