import { APP_CONFIG, AppConfig } from '@kp/config';
import { Inject, Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { bucketKey, clientAddress } from './buckets';
import { RATE_LIMIT_STORE, RateLimitStore } from './rate-limit-store';
import { refuse } from './refuse';

/**
 * The limits that hold before a token is looked at, as express middleware in front of everything
 * (routes, /docs, unknown paths): an address blocked for collecting too many 401s is refused
 * outright, and every request counts against its address. Each 401 the address then receives,
 * whichever check gave it, counts towards that block: probing tokens is slowed to a few a window.
 */
@Injectable()
export class AddressRateLimit {
  private readonly windowMs: number;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore,
  ) {
    this.windowMs = config.rateLimits.windowS * 1000;
  }

  readonly middleware = (request: Request, response: Response, next: NextFunction): void => {
    this.check(request, response).then(
      () => next(),
      (error: unknown) => next(error),
    );
  };

  private async check(request: Request, response: Response): Promise<void> {
    const { perIp, authFailuresPerIp, authBlockS } = this.config.rateLimits;
    const address = clientAddress(request);
    const failures = bucketKey(this.config.queuePrefix, 'auth-failures', address);
    const blocked = await this.store.blockedFor(failures, 'auth-failures');
    if (blocked > 0) throw refuse(response, blocked, 'auth-failures');

    const hits = await this.store.increment(bucketKey(this.config.queuePrefix, 'address', address), this.windowMs, perIp, this.windowMs, 'address');
    if (hits.isBlocked) throw refuse(response, hits.timeToBlockExpire, 'address');

    response.once('finish', () => {
      // The limit is the number of 401s allowed: the store blocks past `limit` hits, so the last allowed one blocks.
      if (response.statusCode === 401) void this.store.increment(failures, this.windowMs, authFailuresPerIp - 1, authBlockS * 1000, 'auth-failures');
    });
  }
}
