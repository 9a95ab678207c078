import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';

/**
 * CORS for the configured origins only (none by default, and then no CORS header at all). Bearer
 * tokens, not cookies, so no credentials mode; the request and response headers are the ones the
 * API reads and sets, so a browser client can send If-Match and read ETag, Location and Retry-After.
 */
export function corsOptions(origins: readonly string[]): CorsOptions {
  return {
    origin: [...origins],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'X-Request-Id'],
    exposedHeaders: ['ETag', 'Location', 'Idempotent-Replayed', 'Retry-After', 'X-Request-Id'],
    credentials: false,
    maxAge: 600,
  };
}
