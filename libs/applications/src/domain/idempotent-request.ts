import { DomainError } from '@kp/errors';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import type { RememberedRequest } from '../infrastructure/idempotency.repository';

/** A SHA-256 of the request's canonical JSON (RFC 8785), so key order and spacing do not matter. */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalize(body ?? null) ?? 'null').digest('hex');
}

/**
 * The earlier result to replay, or a refusal when the key was first used with another request
 * (draft-ietf-httpapi-idempotency-key-header §2.7: 422): replaying it would answer a request the
 * client did not send.
 */
export function replayOf(earlier: RememberedRequest | undefined, hash: string): string | undefined {
  if (!earlier) return undefined;
  if (earlier.requestHash !== null && earlier.requestHash !== hash) {
    throw new DomainError('idempotency-key-reused', 'This Idempotency-Key was already used with a different request body. Use a new key for a new request.');
  }
  return earlier.resourceId;
}
