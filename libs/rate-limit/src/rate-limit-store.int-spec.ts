import { Logger } from '@nestjs/common';
import { MemoryRateLimitStore, RateLimitStore, REDIS_RETRY_AFTER_MS, RedisRateLimitStore } from './rate-limit-store';

/**
 * The contract both stores keep, on the counters @nestjs/throttler and
 * @nest-lab/throttler-storage-redis write: hits block past the limit, and `blockedFor` sees the
 * block without counting (it reads the storages' own records, so an upgrade that moves them fails
 * here). Redis runs when REDIS_URL is set (CI's second run).
 */
const stores: [string, () => RateLimitStore & { onApplicationShutdown(): void }][] = [
  ['memory', () => new MemoryRateLimitStore()],
  ...(process.env.REDIS_URL ? [['Redis', () => new RedisRateLimitStore(process.env.REDIS_URL!)] as [string, () => RedisRateLimitStore]] : []),
];

describe.each(stores)('rate-limit store: %s', (_, open) => {
  let store: ReturnType<typeof open>;
  const key = (name: string) => `kp-store-test-${Date.now().toString(36)}:rate:auth-failures:${name}`;

  beforeEach(() => (store = open()));
  afterEach(() => store.onApplicationShutdown());

  it('blocks past the limit for the block duration, and tells so without counting', async () => {
    const k = key('a');
    for (let i = 0; i < 3; i += 1) expect((await store.increment(k, 60_000, 3, 120_000, 'auth-failures')).isBlocked).toBe(false);
    expect(await store.blockedFor(k, 'auth-failures')).toBe(0);
    expect(await store.blockedFor(k, 'auth-failures')).toBe(0);
    const fourth = await store.increment(k, 60_000, 3, 120_000, 'auth-failures');
    expect(fourth).toMatchObject({ isBlocked: true, timeToBlockExpire: 120 });
    const left = await store.blockedFor(k, 'auth-failures');
    expect(left).toBeGreaterThan(118);
    expect(left).toBeLessThanOrEqual(120);
    expect(await store.blockedFor(key('b'), 'auth-failures')).toBe(0);
  });

  it('lets the block run out', async () => {
    const k = key('c');
    await store.increment(k, 1000, 0, 1000, 'auth-failures');
    expect(await store.blockedFor(k, 'auth-failures')).toBe(1);
    await new Promise((ok) => setTimeout(ok, 1100));
    expect(await store.blockedFor(k, 'auth-failures')).toBe(0);
  });
});

describe('rate-limit store: Redis that does not answer', () => {
  it('lets requests through and logs the outage once, then its return', async () => {
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const warnings = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    // The outage: every command rejects, as ioredis's do once their one retry is spent.
    let now = 1_000_000;
    const store = new RedisRateLimitStore('redis://127.0.0.1:1', () => now);
    const counters = (store as unknown as { counters: { increment: unknown; redis: { pttl: unknown; disconnect(): void } } }).counters;
    counters.redis.disconnect();
    const down = () => Promise.reject(new Error('Reached the max retries per request limit (which is 1).'));
    counters.increment = jest.fn(down);
    counters.redis.pttl = jest.fn(down);
    try {
      expect(await store.increment('k', 60_000, 0, 60_000, 'address')).toMatchObject({ isBlocked: false });
      expect(errors).toHaveBeenCalledTimes(1);
      // Within the retry period the requests pass without waiting for Redis: it is not asked.
      expect(await store.blockedFor('k', 'auth-failures')).toBe(0);
      expect(await store.increment('k', 60_000, 0, 60_000, 'address')).toMatchObject({ isBlocked: false });
      expect(counters.increment).toHaveBeenCalledTimes(1);
      expect(counters.redis.pttl).not.toHaveBeenCalled();
      // After it, one request asks again; still down, the others keep passing for another period.
      now += REDIS_RETRY_AFTER_MS;
      expect(await store.blockedFor('k', 'auth-failures')).toBe(0);
      expect(counters.redis.pttl).toHaveBeenCalledTimes(1);
      expect(await store.blockedFor('k', 'auth-failures')).toBe(0);
      expect(counters.redis.pttl).toHaveBeenCalledTimes(1);
      expect(errors).toHaveBeenCalledTimes(1);
      // While one request's probe waits for Redis, the others do not wait with it.
      now += REDIS_RETRY_AFTER_MS;
      let answer: (ms: number) => void = () => undefined;
      counters.redis.pttl = jest.fn(() => new Promise<number>((resolve) => (answer = resolve)));
      const probing = store.blockedFor('k', 'auth-failures');
      expect(await store.blockedFor('k', 'auth-failures')).toBe(0);
      expect(counters.redis.pttl).toHaveBeenCalledTimes(1);
      answer(-2);
      expect(await probing).toBe(0);
      expect(warnings).toHaveBeenCalledWith('rate-limit counters in Redis answer again');
      // Back: every request asks it again.
      counters.redis.pttl = jest.fn(() => Promise.resolve(-2));
      expect(await store.blockedFor('k', 'auth-failures')).toBe(0);
      expect(await store.blockedFor('k', 'auth-failures')).toBe(0);
      expect(counters.redis.pttl).toHaveBeenCalledTimes(2);
    } finally {
      store.onApplicationShutdown();
      jest.restoreAllMocks();
    }
  });
});
