import type { Response } from 'express';
import { RateLimitedError, RateLimitName } from './rate-limited.error';

/**
 * The refusal of a request over `limit`: Retry-After (RFC 9110 §10.2.3) on the response, and the
 * error the problem filter answers as 429 problem+json (code `rate-limited`).
 */
export function refuse(response: Pick<Response, 'setHeader'>, retryAfterS: number, limit: RateLimitName): RateLimitedError {
  const seconds = Math.max(1, retryAfterS);
  response.setHeader('Retry-After', String(seconds));
  return new RateLimitedError(seconds, limit);
}
