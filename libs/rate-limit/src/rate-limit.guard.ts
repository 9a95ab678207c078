import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Response } from 'express';
import { limitOfKey } from './buckets';
import { refuse } from './refuse';

/**
 * The limits that need the route and the verified actor: a public route counts against the
 * caller's address (stricter than the per-address limit of AddressRateLimit), every other route
 * against the token's subject. It must run after the token guard (configureApp adds it after the
 * global guards); without an actor on a protected route the subject tracker fails loudly.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw refuse(context.switchToHttp().getResponse<Response>(), detail.timeToBlockExpire, limitOfKey(detail.key));
  }
}
