import { APP_CONFIG, AppConfig } from '@kp/config';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { createLocalJWKSet, createRemoteJWKSet, JWTVerifyGetKey, jwtVerify } from 'jose';
import { Actor } from '../actor';
import { actorFromClaims } from '../claims';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, LocalIssuer } from '../local-issuer/local-issuer';

export class TokenRejectedError extends Error {}

/** Verifies bearer JWTs against the OIDC provider's JWKS, or the local issuer without OIDC config. */
@Injectable()
export class TokenVerifier implements OnModuleInit {
  private keys!: JWTVerifyGetKey;
  private issuer!: string;
  private audience!: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    if (this.config.oidc) {
      this.keys = createRemoteJWKSet(new URL(this.config.oidc.jwksUrl));
      this.issuer = this.config.oidc.issuer;
      this.audience = this.config.oidc.audience;
    } else {
      const local = await LocalIssuer.open(this.config.dataDir, this.config.nodeEnv);
      this.keys = createLocalJWKSet({ keys: [local.publicJwk] });
      this.issuer = LOCAL_ISSUER;
      this.audience = LOCAL_AUDIENCE;
    }
  }

  async verify(token: string): Promise<Actor> {
    try {
      const { payload } = await jwtVerify(token, this.keys, { issuer: this.issuer, audience: this.audience, clockTolerance: 30 });
      return actorFromClaims(payload);
    } catch (error) {
      throw new TokenRejectedError((error as Error).message);
    }
  }
}
