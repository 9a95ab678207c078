import helmet from 'helmet';
import type { IncomingMessage } from 'node:http';

/**
 * The Content-Security-Policy of every response: the API's own JSON, Swagger UI at /docs and the
 * web console served from / load scripts, styles, images, fonts and data from this origin only.
 * `style-src 'unsafe-inline'` because Swagger UI's page carries <style> blocks and style
 * attributes; scripts stay 'self' only, so injected markup cannot run code. No page of ours may be
 * framed (clickjacking) and no <base>/<object> may redirect or embed.
 */
export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export interface SecurityHeaderOptions {
  /** Strict-Transport-Security max-age in seconds; 0 sends none (plain-HTTP development). */
  hstsMaxAgeS: number;
  /**
   * Paths whose pages may also apply inline styles: Swagger UI's page carries <style> blocks and
   * style attributes (test/security/browser-csp.e2e-spec.ts shows it breaks without). Inline
   * scripts stay refused there too.
   */
  inlineStylePaths: readonly string[];
  /**
   * The OIDC provider's origin when the console signs in there (OIDC_CONSOLE_CLIENT_ID): the console
   * fetches its discovery document and exchanges the code at its token endpoint, so `connect-src`
   * names it. Nothing else is opened to it; renewal needs no frame (refresh tokens).
   */
  identityProviderOrigin?: string;
}

/**
 * helmet with this API's choices: the CSP above, `X-Frame-Options: DENY` for browsers without
 * frame-ancestors, `Referrer-Policy: no-referrer` (case numbers in URLs must not leak to other
 * sites), nosniff, and HSTS only where TLS is in front (it also turns on upgrade-insecure-requests,
 * which would break a plain-HTTP development server).
 */
export function securityHeaders(options: SecurityHeaderOptions) {
  const tls = options.hstsMaxAgeS > 0;
  const styleSources = (request: IncomingMessage) => {
    const path = (request.url ?? '').split('?')[0];
    const inline = options.inlineStylePaths.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
    return [...CONTENT_SECURITY_POLICY['style-src'], ...(inline ? ["'unsafe-inline'"] : [])].join(' ');
  };
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...CONTENT_SECURITY_POLICY,
        'connect-src': [...CONTENT_SECURITY_POLICY['connect-src'], ...(options.identityProviderOrigin ? [options.identityProviderOrigin] : [])],
        'style-src': [styleSources],
        ...(tls ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: tls ? { maxAge: options.hstsMaxAgeS, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    xContentTypeOptions: true,
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
}
