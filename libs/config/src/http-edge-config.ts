/**
 * What the HTTP edge needs from the environment: who may call from a browser on another origin,
 * how long browsers must insist on TLS, and which proxies may tell us the client's address.
 */
export interface HttpEdgeConfig {
  /** `CORS_ORIGINS`: origins (scheme://host[:port]) allowed to call from a browser; empty: CORS is off. */
  corsOrigins: string[];
  /** `HSTS_MAX_AGE_S`: Strict-Transport-Security max-age; 0 sends no header (default one year in production, else 0). */
  hstsMaxAgeS: number;
  /**
   * `TRUST_PROXY`: express's `trust proxy` — false, a number of hops, or addresses/subnets
   * (`loopback`, `10.0.0.0/8`, …). Per-IP rate limits and `req.secure` read the client through it.
   */
  trustProxy: false | number | string[];
}

/** What every rate limit counts in, and how many requests each allows per window. */
export interface RateLimits {
  /** `RATE_LIMIT_WINDOW_S`: the window every limit counts in (default 60 s). */
  windowS: number;
  /** `RATE_LIMIT_PER_IP`: every request from one address, before its token is looked at (default 600). */
  perIp: number;
  /** `RATE_LIMIT_PUBLIC_PER_IP`: requests from one address to routes without a token (default 60). */
  publicPerIp: number;
  /** `RATE_LIMIT_PER_TOKEN`: requests by one subject (`sub`), from wherever (default 300). */
  perToken: number;
  /** `RATE_LIMIT_AUTH_FAILURES_PER_IP`: 401 answers one address may collect before it is blocked (default 10). */
  authFailuresPerIp: number;
  /** `RATE_LIMIT_AUTH_BLOCK_S`: how long an address that collected too many 401s is refused outright (default 300 s). */
  authBlockS: number;
}

export const DEFAULT_RATE_LIMITS: Readonly<RateLimits> = { windowS: 60, perIp: 600, publicPerIp: 60, perToken: 300, authFailuresPerIp: 10, authBlockS: 300 };

export const HSTS_PRODUCTION_MAX_AGE_S = 31_536_000;

type Env = Record<string, string | undefined>;
type IntegerReader = (name: string, fallback: number, min: number, max?: number, unit?: string) => number;

/** The most any limit may allow per window: high enough for the test configuration, low enough to be a limit. */
const MAX_PER_WINDOW = 10_000_000;

export function readRateLimits(integer: IntegerReader): RateLimits {
  const perWindow = (name: string, fallback: number) => integer(name, fallback, 1, MAX_PER_WINDOW, 'requests per window');
  return {
    windowS: integer('RATE_LIMIT_WINDOW_S', DEFAULT_RATE_LIMITS.windowS, 1, 3600, 'seconds'),
    perIp: perWindow('RATE_LIMIT_PER_IP', DEFAULT_RATE_LIMITS.perIp),
    publicPerIp: perWindow('RATE_LIMIT_PUBLIC_PER_IP', DEFAULT_RATE_LIMITS.publicPerIp),
    perToken: perWindow('RATE_LIMIT_PER_TOKEN', DEFAULT_RATE_LIMITS.perToken),
    authFailuresPerIp: perWindow('RATE_LIMIT_AUTH_FAILURES_PER_IP', DEFAULT_RATE_LIMITS.authFailuresPerIp),
    authBlockS: integer('RATE_LIMIT_AUTH_BLOCK_S', DEFAULT_RATE_LIMITS.authBlockS, 1, 86_400, 'seconds'),
  };
}

export function readHttpEdge(env: Env, problems: string[], integer: IntegerReader, production: boolean): HttpEdgeConfig {
  return {
    corsOrigins: corsOrigins(env, problems),
    hstsMaxAgeS: integer('HSTS_MAX_AGE_S', production ? HSTS_PRODUCTION_MAX_AGE_S : 0, 0, 2 * HSTS_PRODUCTION_MAX_AGE_S, 'seconds'),
    trustProxy: trustProxy(env, problems),
  };
}

/** Exact origins only: a wildcard or a path would let more sites read answers than the operator meant. */
function corsOrigins(env: Env, problems: string[]): string[] {
  const raw = env.CORS_ORIGINS?.trim();
  if (!raw) return [];
  const origins: string[] = [];
  for (const entry of raw.split(',').map((part) => part.trim()).filter(Boolean)) {
    let origin: string | undefined;
    try {
      const url = new URL(entry);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && !entry.includes('*')) origin = url.origin;
    } catch {
      origin = undefined;
    }
    if (origin !== entry) {
      problems.push(`CORS_ORIGINS entry "${entry}" must be an exact origin such as https://console.example.dk (scheme, host and port only; no wildcard, path or trailing slash)`);
    } else origins.push(origin);
  }
  return origins;
}

const IPV4 = /^(\d{1,3})(\.\d{1,3}){3}(\/\d{1,2})?$/;
const IPV6 = /^[0-9a-f:]+(\/\d{1,3})?$/i;
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * `true` is refused: trusting every hop lets any client choose its own X-Forwarded-For and so
 * its own rate-limit bucket.
 */
function trustProxy(env: Env, problems: string[]): HttpEdgeConfig['trustProxy'] {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw || raw === 'false' || raw === '0') return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops <= 10) return hops;
  }
  const entries = raw.split(',').map((part) => part.trim()).filter(Boolean);
  const bad = entries.filter((entry) => !NAMED_RANGES.includes(entry) && !IPV4.test(entry) && !(entry.includes(':') && IPV6.test(entry)));
  if (bad.length > 0 || entries.length === 0) {
    problems.push(`TRUST_PROXY="${raw}" must be false, a number of proxy hops from 1 to 10, or a comma-separated list of addresses, subnets, loopback, linklocal or uniquelocal (never true: every client could then choose its own address)`);
    return false;
  }
  return entries;
}
