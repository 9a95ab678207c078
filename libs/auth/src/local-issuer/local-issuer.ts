import { DEFAULT_TOKEN_LIMITS } from '@kp/config';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, JWK, KeyLike, SignJWT } from 'jose';
import { Actor } from '../actor';
import { CLAIMS } from '../claims';

export const LOCAL_ISSUER = 'urn:kontaktpunkt:local-issuer';
export const LOCAL_AUDIENCE = 'kontaktpunkt';
export const LOCAL_ALGORITHM = 'ES256';
const KEY_FILE = 'local-issuer-key.json';

/**
 * Development and test token issuer: a key pair kept in DATA_DIR so tokens survive restarts.
 * Never used in production (the config refuses NODE_ENV=production without OIDC).
 */
export class LocalIssuer {
  private constructor(
    private readonly privateKey: KeyLike | Uint8Array,
    readonly publicJwk: JWK,
  ) {}

  /** `nodeEnv` is AppConfig's (or, in a CLI, `NODE_ENV`): required, so no caller forgets the production check. */
  static async open(dataDir: string, nodeEnv: string | undefined): Promise<LocalIssuer> {
    if (nodeEnv === 'production') throw new Error('the local token issuer refuses to run with NODE_ENV=production');
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, KEY_FILE);
    if (!existsSync(file)) {
      const { privateKey, publicKey } = await generateKeyPair(LOCAL_ALGORITHM, { extractable: true });
      const kid = `local-${Date.now().toString(36)}`;
      const stored = { private: { ...(await exportJWK(privateKey)), kid, alg: LOCAL_ALGORITHM }, public: { ...(await exportJWK(publicKey)), kid, alg: LOCAL_ALGORITHM } };
      try {
        writeFileSync(file, JSON.stringify(stored), { mode: 0o600, flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // another process won the race
      }
    }
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { private: JWK; public: JWK };
    return new LocalIssuer(await importJWK(stored.private, LOCAL_ALGORITHM), stored.public);
  }

  /**
   * A token for `actor`, valid for `lifetimeS` seconds from now: by default the verifier's default
   * maximum lifetime (TOKEN_MAX_LIFETIME_S), so it is never refused as too long-lived.
   */
  async sign(actor: Actor, lifetimeS: number = DEFAULT_TOKEN_LIMITS.maxLifetimeS): Promise<string> {
    if (!Number.isInteger(lifetimeS) || lifetimeS <= 0) throw new Error(`a token lifetime is a positive whole number of seconds (got ${lifetimeS})`);
    const now = Math.floor(Date.now() / 1000); // one instant for iat and exp, so exp − iat is exactly lifetimeS
    return new SignJWT({
      [CLAIMS.role]: actor.role,
      ...(actor.organisation ? { [CLAIMS.organisation]: actor.organisation } : {}),
      ...(actor.region ? { [CLAIMS.region]: actor.region } : {}),
      ...(actor.name ? { [CLAIMS.name]: actor.name } : {}),
      ...(actor.email ? { [CLAIMS.email]: actor.email } : {}),
      ...(actor.locale ? { [CLAIMS.locale]: actor.locale } : {}),
    })
      .setProtectedHeader({ alg: LOCAL_ALGORITHM, kid: this.publicJwk.kid })
      .setSubject(actor.sub)
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + lifetimeS)
      .sign(this.privateKey);
  }
}
