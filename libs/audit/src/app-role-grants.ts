import { NarrowTableGrant } from '@kp/persistence';
import { OWNED_TABLES } from './owned-tables';

/**
 * The app role may append to and read the audit trail, never change it (DESIGN.md §7, issue 13):
 * the migrate step grants exactly this, so UPDATE, DELETE and TRUNCATE fail on privileges before
 * the insert-only trigger is even reached, and only the owner could switch that trigger off.
 */
export const AUDIT_APP_ROLE_GRANTS: readonly NarrowTableGrant[] = OWNED_TABLES.map((table) => ({
  schema: 'public',
  table,
  privileges: ['SELECT', 'INSERT'],
}));
