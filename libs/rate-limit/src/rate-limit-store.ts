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

/** After Redis failed a command, how long requests are let through without asking it again. */
export const REDIS_RETRY_AFTER_MS = 1000;

/**
 * Counters shared by every API replica (REDIS_URL). While Redis does not answer, requests are let
 * through and the outage logged: the readiness check already reports Redis, and refusing every
 * request would turn a cache outage into a full one. Nor may a request wait for it: each command
 * waits up to a second, a request asks several, so during an outage every submit took seconds and
 * few were accepted (test/faults/redis-outage). After a failure, Redis is asked again only after
 * REDIS_RETRY_AFTER_MS, by one request at a time; the others pass at once meanwhile.
 */
export class RedisRateLimitStore implements RateLimitStore, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly counters: ThrottlerStorageRedisService;
  private failing = false;
  /** While failing: when Redis may be asked again, and whether a request is asking it now. */
  private retryAt = 0;
  private probing = false;

  constructor(
    url: string,
    private readonly now: () => number = Date.now,
  ) {
    // One reconnection attempt and a second at most per command: a request must not wait for Redis to come back.
    this.counters = new ThrottlerStorageRedisService(url, { maxRetriesPerRequest: 1, commandTimeout: 1000 });
    this.counters.redis.on('error', () => undefined);
  }

  increment(key: string, ttl: number, limit: number, blockDuration: number, name: string): Promise<ThrottlerStorageRecord> {
    return this.ask(() => this.counters.increment(key, ttl, limit, blockDuration, name), { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 });
  }

  blockedFor(key: string, name: RateLimitName): Promise<number> {
    // The block key ThrottlerStorageRedisService writes (its Lua script sets it with PX).
    return this.ask(async () => {
      const ms = await this.counters.redis.pttl(`{${key}:${name}}:blocked`);
      return ms > 0 ? Math.ceil(ms / 1000) : 0;
    }, 0);
  }

  /** Redis's answer, or `letThrough` while it fails (without asking it, but for one probe a retry period). */
  private async ask<T>(command: () => Promise<T>, letThrough: T): Promise<T> {
    const probe = this.failing;
    if (probe && (this.probing || this.now() < this.retryAt)) return letThrough;
    this.probing = probe;
    try {
      const answer = await command();
      this.recovered();
      return answer;
    } catch (error) {
      this.failed(error);
      return letThrough;
    } finally {
      if (probe) this.probing = false;
    }
  }

  onApplicationShutdown(): void {
    this.counters.onModuleDestroy();
  }

  private failed(error: unknown): void {
    if (!this.failing) this.logger.error({ err: error }, 'rate-limit counters unavailable in Redis; requests are let through until it answers');
    this.failing = true;
    this.retryAt = this.now() + REDIS_RETRY_AFTER_MS;
  }

  private recovered(): void {
    if (this.failing) this.logger.warn('rate-limit counters in Redis answer again');
    this.failing = false;
  }
}
