import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, JWK, KeyLike, SignJWT } from 'jose';
import { Actor } from '../actor';
import { CLAIMS } from '../claims';

export const LOCAL_ISSUER = 'urn:kontaktpunkt:local-issuer';
export const LOCAL_AUDIENCE = 'kontaktpunkt';
const ALG = 'ES256';
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
      const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
      const kid = `local-${Date.now().toString(36)}`;
      const stored = { private: { ...(await exportJWK(privateKey)), kid, alg: ALG }, public: { ...(await exportJWK(publicKey)), kid, alg: ALG } };
      try {
        writeFileSync(file, JSON.stringify(stored), { mode: 0o600, flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // another process won the race
      }
    }
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { private: JWK; public: JWK };
    return new LocalIssuer(await importJWK(stored.private, ALG), stored.public);
  }

  async sign(actor: Actor, expiresIn = '12h'): Promise<string> {
    return new SignJWT({
      [CLAIMS.role]: actor.role,
      ...(actor.organisation ? { [CLAIMS.organisation]: actor.organisation } : {}),
      ...(actor.region ? { [CLAIMS.region]: actor.region } : {}),
      ...(actor.name ? { [CLAIMS.name]: actor.name } : {}),
    })
      .setProtectedHeader({ alg: ALG, kid: this.publicJwk.kid })
      .setSubject(actor.sub)
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(this.privateKey);
  }
}
