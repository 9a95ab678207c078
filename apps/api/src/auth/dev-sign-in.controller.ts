import { Actor, LocalIssuer, Public } from '@kp/auth';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsIn, IsString } from 'class-validator';
import { DEV_PERSONA_SUBJECTS, DEV_PERSONAS } from './dev-personas';

export class DevSignInDto {
  @IsString() @IsIn(DEV_PERSONA_SUBJECTS) sub!: string;
}

export const DEV_SIGN_IN_OFF = 'Development sign-in is off: this deployment verifies tokens from its OIDC provider. Sign in there.';

/**
 * Sign-in for the web console in development: the people of DEV_PERSONAS and a token for one of
 * them from the local issuer — what `npm run token` prints, without a shell. Answers only while the
 * local issuer is the one the API trusts (no OIDC configured, never NODE_ENV=production, which the
 * config refuses without OIDC anyway); otherwise 404, as if the route did not exist. Kept out of
 * the OpenAPI document: it is no part of the contract integrators build on.
 */
@ApiExcludeController()
@Public()
@Controller('v1/dev/sign-in')
export class DevSignInController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private localIssuerActive(): boolean {
    return !this.config.oidc && this.config.nodeEnv !== 'production';
  }

  @Get()
  personas(): { personas: readonly Actor[] } {
    if (!this.localIssuerActive()) throw new NotFoundException(DEV_SIGN_IN_OFF);
    return { personas: DEV_PERSONAS };
  }

  @Post()
  @HttpCode(200)
  async signIn(@Body() body: DevSignInDto): Promise<{ token: string; expiresInS: number; actor: Actor }> {
    if (!this.localIssuerActive()) throw new NotFoundException(DEV_SIGN_IN_OFF);
    const actor = DEV_PERSONAS.find((persona) => persona.sub === body.sub)!;
    const issuer = await LocalIssuer.open(this.config.dataDir, this.config.nodeEnv);
    const expiresInS = this.config.tokens.maxLifetimeS;
    return { token: await issuer.sign(actor, expiresInS), expiresInS, actor };
  }
}
