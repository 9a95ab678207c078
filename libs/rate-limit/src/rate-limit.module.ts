import { APP_CONFIG, AppConfig } from '@kp/config';
import { PUBLIC_KEY, RequestWithActor } from '@kp/auth';
import { ExecutionContext, Module } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerModule, ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Request } from 'express';
import { AddressRateLimit } from './address-rate-limit';
import { bucketKey, clientAddress } from './buckets';
import { MemoryRateLimitStore, RATE_LIMIT_STORE, RateLimitStore, RedisRateLimitStore } from './rate-limit-store';
import { RateLimitGuard } from './rate-limit.guard';
import { RateLimitName } from './rate-limited.error';

/** Redis when REDIS_URL is set, so every API replica counts in the same buckets; else this process. */
@Module({
  providers: [
    {
      provide: RATE_LIMIT_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): RateLimitStore => (config.redisUrl ? new RedisRateLimitStore(config.redisUrl) : new MemoryRateLimitStore()),
    },
  ],
  exports: [RATE_LIMIT_STORE],
})
class RateLimitStoreModule {}

function throttlerOptions(config: AppConfig, store: RateLimitStore, reflector: Reflector): ThrottlerModuleOptions {
  const { windowS, publicPerIp, perToken } = config.rateLimits;
  const isPublic = (context: ExecutionContext) => reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [context.getHandler(), context.getClass()]) === true;
  const subject = (request: RequestWithActor): string => {
    if (!request.actor) throw new Error('RateLimitGuard ran before the token guard: a protected route has no actor');
    return request.actor.sub;
  };
  const window = windowS * 1000;
  return {
    storage: store,
    // Retry-After is set on refusal (refuse.ts); the X-RateLimit-* headers per throttler are not part of this API.
    setHeaders: false,
    generateKey: (_context, tracker, name) => bucketKey(config.queuePrefix, name as RateLimitName, tracker),
    throttlers: [
      // Routes without a token: per address, stricter than AddressRateLimit's limit on everything.
      { name: 'public', ttl: window, limit: publicPerIp, skipIf: (context) => !isPublic(context), getTracker: (request) => clientAddress(request as Request) },
      // Every other route: per token subject, whichever address or token it comes with.
      { name: 'token', ttl: window, limit: perToken, skipIf: isPublic, getTracker: (request) => subject(request as RequestWithActor) },
    ],
  };
}

/**
 * Rate limits (issue 13, finding 5): per address and for failed authentication before the token
 * is verified (AddressRateLimit, express middleware), per address on public routes and per
 * subject elsewhere after it (RateLimitGuard). The app wires both in configureApp, in that order.
 */
@Module({
  imports: [
    RateLimitStoreModule,
    ThrottlerModule.forRootAsync({ imports: [RateLimitStoreModule], inject: [APP_CONFIG, RATE_LIMIT_STORE, Reflector], useFactory: throttlerOptions }),
  ],
  providers: [RateLimitGuard, AddressRateLimit],
  exports: [RateLimitGuard, AddressRateLimit],
})
export class RateLimitModule {}
