import { DomainError } from '@kp/errors';

/** Which limit refused the request; each is counted in a bucket of its own. */
export const RATE_LIMITS = ['address', 'public', 'token', 'auth-failures'] as const;
export type RateLimitName = (typeof RATE_LIMITS)[number];

const seconds = (s: number) => `${s} second${s === 1 ? '' : 's'}`;

const DETAIL: Record<RateLimitName, (s: number) => string> = {
  address: (s) => `Too many requests from your network address. Try again in ${seconds(s)}.`,
  public: (s) => `Too many requests to public routes from your network address. Try again in ${seconds(s)}.`,
  token: (s) => `Too many requests with your sign-in. Try again in ${seconds(s)}.`,
  'auth-failures': (s) => `Too many requests with a missing or rejected bearer token from your network address. Try again in ${seconds(s)}.`,
};

/**
 * Too many requests in the current window. `retryAfter` (also sent as the Retry-After header)
 * says in how many seconds the caller may try again.
 */
export class RateLimitedError extends DomainError {
  constructor(
    readonly retryAfterS: number,
    limit: RateLimitName,
  ) {
    super('rate-limited', DETAIL[limit](retryAfterS), { retryAfter: retryAfterS });
  }
}
