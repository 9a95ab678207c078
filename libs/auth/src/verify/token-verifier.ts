import { APP_CONFIG, AppConfig } from '@kp/config';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, errors, JWTVerifyGetKey, jwtVerify } from 'jose';
import { Actor } from '../actor';
import { actorFromClaims } from '../claims';
import { LOCAL_ALGORITHM, LOCAL_AUDIENCE, LOCAL_ISSUER, LocalIssuer } from '../local-issuer/local-issuer';
import { lifetimeProblem } from './token-lifetime';
import { VerifiedTokens } from './verified-tokens';

/** Carries the reason for operators' logs; the client is never told which check failed. */
export class TokenRejectedError extends Error {}

/**
 * The `sub` a refused token claims, for the operator's log (whose token keeps failing, an expired
 * session or someone probing): unverified, so it names a claim, never a proven identity; null when the
 * token cannot be decoded or has no string `sub`. Cut to 200 characters so a token cannot flood the log.
 */
export function claimedSub(token: string): string | null {
  try {
    const { sub } = decodeJwt(token);
    return typeof sub === 'string' ? sub.slice(0, 200) : null;
  } catch {
    return null;
  }
}

/** Signature algorithms an OIDC provider may use: asymmetric only, so a public key can never verify an HMAC. */
const OIDC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** Headers that name a key by value or by URL: the key must come from our JWKS, never from the token. */
const KEY_HEADERS = ['jwk', 'jku', 'x5u', 'x5c'] as const;

/**
 * Verifies bearer JWTs against the OIDC provider's JWKS, or the local issuer without OIDC config:
 * signature by a key of that set, issuer, audience, and `exp`, `iat` and `sub` present; `iat` not
 * in the future, `exp` not past and the lifetime within TOKEN_MAX_LIFETIME_S, each give or take
 * TOKEN_CLOCK_TOLERANCE_S. A token that passed is remembered by its hash until its `exp`
 * ({@link VerifiedTokens}), so its signature is checked once per process, not on every request.
 */
@Injectable()
export class TokenVerifier implements OnModuleInit {
  private readonly logger = new Logger('TokenVerifier');
  private keys!: JWTVerifyGetKey;
  private issuer!: string;
  private audience!: string;
  private algorithms!: string[];
  private readonly verified = new VerifiedTokens();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    let keys: JWTVerifyGetKey;
    if (this.config.oidc) {
      keys = createRemoteJWKSet(new URL(this.config.oidc.jwksUrl));
      this.issuer = this.config.oidc.issuer;
      this.audience = this.config.oidc.audience;
      this.algorithms = OIDC_ALGORITHMS;
    } else {
      const local = await LocalIssuer.open(this.config.dataDir, this.config.nodeEnv);
      keys = createLocalJWKSet({ keys: [local.publicJwk] });
      this.issuer = LOCAL_ISSUER;
      this.audience = LOCAL_AUDIENCE;
      this.algorithms = [LOCAL_ALGORITHM];
    }
    this.keys = (header, token) => {
      const named = KEY_HEADERS.filter((name) => header[name] !== undefined);
      if (named.length > 0) throw new TokenRejectedError(`the token names its own key (${named.join(', ')} header)`);
      return keys(header, token);
    };
  }

  async verify(token: string): Promise<Actor> {
    const key = VerifiedTokens.key(token);
    const known = this.verified.get(key);
    if (known) return known;
    const { maxLifetimeS, clockToleranceS } = this.config.tokens;
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.issuer,
        audience: this.audience,
        algorithms: this.algorithms,
        requiredClaims: ['exp', 'iat', 'sub'],
        // With a maximum age jose also refuses an iat in the future (beyond the tolerance).
        maxTokenAge: maxLifetimeS,
        clockTolerance: clockToleranceS,
      });
      const lifetime = lifetimeProblem(payload, maxLifetimeS);
      if (lifetime) throw new TokenRejectedError(lifetime);
      const actor = actorFromClaims(payload);
      // lifetimeProblem has checked that exp is a number.
      this.verified.remember(key, actor, payload.exp!);
      return actor;
    } catch (error) {
      const reason = error instanceof errors.JOSEError ? `${error.code}: ${error.message}` : (error as Error).message;
      this.logger.log({ reason, sub: claimedSub(token) }, 'bearer token rejected');
      throw new TokenRejectedError(reason);
    }
  }
}
