/**
 * Transaction-scoped advisory lock key that serialises appends, so two transactions can never
 * read the same head and fork the chain (`audit_append` takes it; PostgreSQL releases it at commit
 * or rollback). Fixed, arbitrary: the 64-bit prefix of sha256('kp.audit_event').
 */
export const AUDIT_CHAIN_LOCK_KEY = '5492407291600503323';
