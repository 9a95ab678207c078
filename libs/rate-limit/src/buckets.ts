import { normalizeIp } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { RATE_LIMITS, RateLimitName } from './rate-limited.error';

/**
 * The client's address as express sees it through TRUST_PROXY; an IPv6 client is counted by its
 * /64, since one host is usually given a whole /64 and could otherwise rotate addresses.
 */
export function clientAddress(request: Pick<Request, 'ip' | 'socket'>): string {
  return normalizeIp(request.ip ?? request.socket.remoteAddress ?? 'unknown');
}

/**
 * The storage key of a limit's bucket. The address or subject is hashed, so the shared Redis holds
 * no addresses or person identifiers; the prefix (QUEUE_PREFIX) keeps deployments sharing a Redis apart.
 */
export function bucketKey(prefix: string, limit: RateLimitName, tracker: string): string {
  return `${prefix}:rate:${limit}:${createHash('sha256').update(tracker).digest('base64url').slice(0, 32)}`;
}

/** The limit a {@link bucketKey} counts for (the throttler's refusal names only the key). */
export function limitOfKey(key: string): RateLimitName {
  const limit = /:rate:([a-z-]+):[^:]+$/.exec(key)?.[1];
  if (!limit || !(RATE_LIMITS as readonly string[]).includes(limit)) throw new Error(`not a rate-limit bucket key: ${key}`);
  return limit as RateLimitName;
}
