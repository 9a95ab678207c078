import { Actor, LocalIssuer } from '@kp/auth';

export interface Answer<T = any> {
  status: number;
  body: T;
}

/**
 * The simulator's only way in: HTTP to the running app, with a real bearer token per person from
 * the local issuer (as `npm run token` prints them). Tokens are signed again before their hour runs
 * out in wall-clock time (TOKEN_MAX_LIFETIME_S), which business time does not move.
 */
export class Api {
  private readonly tokens = new Map<string, { token: string; signedAt: number }>();
  requests = 0;
  /** Wall-clock milliseconds spent per route (ids replaced) and role, to see where a run's time goes. */
  readonly timing = new Map<string, { n: number; ms: number }>();

  constructor(
    private readonly baseUrl: string,
    private readonly issuer: LocalIssuer,
  ) {}

  private async token(actor: Actor): Promise<string> {
    const key = `${actor.role}|${actor.sub}|${actor.organisation ?? ''}|${actor.region ?? ''}`;
    const cached = this.tokens.get(key);
    if (cached && Date.now() - cached.signedAt < 45 * 60 * 1000) return cached.token;
    const token = await this.issuer.sign(actor);
    this.tokens.set(key, { token, signedAt: Date.now() });
    return token;
  }

  async call<T = any>(method: string, path: string, actor: Actor, body?: unknown, expected: number[] = [200, 201, 202]): Promise<Answer<T>> {
    this.requests += 1;
    const started = Date.now();
    const send = async () =>
      fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { Authorization: `Bearer ${await this.token(actor)}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    let res: Response;
    try {
      res = await send();
    } catch (error) {
      // A read may be sent again when the connection broke; a command is not (it may have happened).
      if (method !== 'GET') throw error;
      res = await send();
    }
    const text = await res.text();
    const route = `${method} ${path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id').replace(/\?.*$/, '')} (${actor.role})`;
    const t = this.timing.get(route) ?? { n: 0, ms: 0 };
    t.n += 1;
    t.ms += Date.now() - started;
    this.timing.set(route, t);
    const parsed = text ? (JSON.parse(text) as T) : (undefined as T);
    if (!expected.includes(res.status)) throw new Error(`${method} ${path} as ${actor.role} ${actor.sub}: ${res.status} ${text.slice(0, 500)}`);
    return { status: res.status, body: parsed };
  }

  get<T = any>(path: string, actor: Actor, expected?: number[]): Promise<Answer<T>> {
    return this.call<T>('GET', path, actor, undefined, expected);
  }

  post<T = any>(path: string, actor: Actor, body: unknown = {}, expected?: number[]): Promise<Answer<T>> {
    return this.call<T>('POST', path, actor, body, expected);
  }
}

/** Runs `work` over `items` with at most `limit` in flight; results in the items' order. */
export async function inPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  });
  await Promise.all(runners);
  return results;
}
