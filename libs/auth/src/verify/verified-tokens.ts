import { createHash } from 'node:crypto';
import { Actor } from '../actor';

/** Enough for every person signed in to a contact point at once, many times over; about 1 KB each. */
export const MAX_VERIFIED_TOKENS = 10_000;

/**
 * Tokens this process has verified, by the SHA-256 of the token, until their `exp` (issue 17: an
 * ES256 or RS256 signature check on every request was ≈ 7 % of the API's CPU under load). Only what
 * passed every check of {@link TokenVerifier} is put here, so an unverified token is never trusted:
 * a token that differs in one byte has another hash and is verified in full. An entry ends at the
 * token's own `exp` (without the clock tolerance jose allows, so never later than jose would), and
 * the oldest entry gives way when the map is full. The token itself is not kept, only its hash.
 *
 * What a cache cannot see: a signing key withdrawn from the identity provider's JWKS before its
 * tokens expire. Those tokens stay accepted here until their `exp`, at most TOKEN_MAX_LIFETIME_S,
 * as they would by any replica that verified them once; a compromised key is answered by
 * restarting the API replicas, which empties this.
 */
export class VerifiedTokens {
  private readonly byHash = new Map<string, { actor: Readonly<Actor>; expiresAtMs: number }>();

  constructor(
    private readonly max = MAX_VERIFIED_TOKENS,
    private readonly nowMs: () => number = () => Date.now(),
  ) {}

  static key(token: string): string {
    return createHash('sha256').update(token).digest('base64');
  }

  /** The actor of a token verified earlier that has not expired since; a copy, so a caller's change stays its own. */
  get(key: string): Actor | undefined {
    const entry = this.byHash.get(key);
    if (!entry) return undefined;
    if (this.nowMs() >= entry.expiresAtMs) {
      this.byHash.delete(key);
      return undefined;
    }
    return { ...entry.actor };
  }

  /** Remembers a token that passed every check, until `exp` (seconds since the epoch). */
  remember(key: string, actor: Actor, exp: number): void {
    const expiresAtMs = exp * 1000;
    if (this.nowMs() >= expiresAtMs) return;
    if (this.byHash.size >= this.max) this.evict();
    this.byHash.set(key, { actor: Object.freeze({ ...actor }), expiresAtMs });
  }

  get size(): number {
    return this.byHash.size;
  }

  /** Drops what has expired; when nothing has, the oldest tenth (a Map iterates in insertion order). */
  private evict(): void {
    const now = this.nowMs();
    for (const [key, entry] of this.byHash) if (now >= entry.expiresAtMs) this.byHash.delete(key);
    if (this.byHash.size < this.max) return;
    let drop = Math.max(1, Math.floor(this.max / 10));
    for (const key of this.byHash.keys()) {
      if (drop-- <= 0) break;
      this.byHash.delete(key);
    }
  }
}
