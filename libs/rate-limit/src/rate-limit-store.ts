import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { RateLimitName } from './rate-limited.error';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * @nestjs/throttler's storage (count a hit, block past the limit), plus a look at a block without
 * counting: an address blocked for failed authentication is refused before its next token is
 * verified, yet a request that then authenticates must not count as a failure.
 */
export interface RateLimitStore extends ThrottlerStorage {
  /** Seconds until the block on `key` ends; 0 when it is not blocked. */
  blockedFor(key: string, name: RateLimitName): Promise<number>;
}

export const RATE_LIMIT_STORE = Symbol('RATE_LIMIT_STORE');

/** One process's counters (the default, and the tests): each API replica counts on its own. */
export class MemoryRateLimitStore implements RateLimitStore, OnApplicationShutdown {
  private readonly counters = new ThrottlerStorageService();

  increment(key: string, ttl: number, limit: number, blockDuration: number, name: string): Promise<ThrottlerStorageRecord> {
    return this.counters.increment(key, ttl, limit, blockDuration, name);
  }

  async blockedFor(key: string): Promise<number> {
    // ThrottlerStorageService keeps one record per key; `isBlocked` stays set until the next hit, so the time decides.
    const record = this.counters.storage.get(key);
    if (!record?.isBlocked) return 0;
    return Math.max(0, Math.ceil((record.blockExpiresAt - Date.now()) / 1000));
  }

  onApplicationShutdown(): void {
    this.counters.onApplicationShutdown();
  }
}

/**
 * Counters shared by every API replica (REDIS_URL). While Redis does not answer, requests are let
 * through and the outage logged: the readiness check already reports Redis, and refusing every
 * request would turn a cache outage into a full one.
 */
export class RedisRateLimitStore implements RateLimitStore, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly counters: ThrottlerStorageRedisService;
  private failing = false;

  constructor(url: string) {
    // One reconnection attempt and a second at most per command: a request must not wait for Redis to come back.
    this.counters = new ThrottlerStorageRedisService(url, { maxRetriesPerRequest: 1, commandTimeout: 1000 });
    this.counters.redis.on('error', () => undefined);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, name: string): Promise<ThrottlerStorageRecord> {
    try {
      const record = await this.counters.increment(key, ttl, limit, blockDuration, name);
      this.recovered();
      return record;
    } catch (error) {
      this.failed(error);
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  async blockedFor(key: string, name: RateLimitName): Promise<number> {
    try {
      // The block key ThrottlerStorageRedisService writes (its Lua script sets it with PX).
      const ms = await this.counters.redis.pttl(`{${key}:${name}}:blocked`);
      this.recovered();
      return ms > 0 ? Math.ceil(ms / 1000) : 0;
    } catch (error) {
      this.failed(error);
      return 0;
    }
  }

  onApplicationShutdown(): void {
    this.counters.onModuleDestroy();
  }

  private failed(error: unknown): void {
    if (!this.failing) this.logger.error({ err: error }, 'rate-limit counters unavailable in Redis; requests are let through until it answers');
    this.failing = true;
  }

  private recovered(): void {
    if (this.failing) this.logger.warn('rate-limit counters in Redis answer again');
    this.failing = false;
  }
}
