import { EntityManager } from 'typeorm';

/**
 * Transaction-scoped advisory lock key that serialises appends, so two transactions can never
 * read the same head and fork the chain. Fixed, arbitrary: the 64-bit prefix of sha256('kp.audit_event').
 */
export const AUDIT_CHAIN_LOCK_KEY = '5492407291600503323';

/** Waits for the chain lock; PostgreSQL releases it at commit or rollback. */
export async function lockChain(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1::bigint)', [AUDIT_CHAIN_LOCK_KEY]);
}
