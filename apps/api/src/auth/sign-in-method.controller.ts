import { Public } from '@kp/auth';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

/** How the console signs people in: the local issuer's persona page, or the provider's authorization-code flow with PKCE. */
export type SignInMethod =
  | { method: 'local' }
  | { method: 'oidc'; authority: string; clientId: string; scope: string }
  /** OIDC without a console client (OIDC_CONSOLE_CLIENT_ID unset): tokens come from elsewhere. */
  | { method: 'oidc'; authority: string };

/**
 * What the web console needs to know before anyone signs in: which issuer the API trusts now and,
 * for OIDC, the console's public client (no secret: PKCE protects the code). Public and free of
 * secrets; kept out of the OpenAPI document like the development sign-in, as it serves the console.
 */
@ApiExcludeController()
@Public()
@Controller('v1/sign-in-method')
export class SignInMethodController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  method(): SignInMethod {
    const oidc = this.config.oidc;
    if (!oidc) return { method: 'local' };
    return oidc.console ? { method: 'oidc', authority: oidc.issuer, ...oidc.console } : { method: 'oidc', authority: oidc.issuer };
  }
}
