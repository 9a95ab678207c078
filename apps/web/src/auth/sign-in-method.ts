/**
 * How this deployment signs people in, as the API says (apps/api/src/auth/sign-in-method.controller.ts):
 * the local issuer's persona page in development, or the OIDC provider with the console's public
 * client. Outside the OpenAPI contract, hence plain fetch.
 */
export type SignInMethod =
  | { method: 'local' }
  | { method: 'oidc'; authority: string; clientId?: string; scope?: string };

export interface OidcClientSettings {
  authority: string;
  clientId: string;
  scope: string;
}

const PATH = '/v1/sign-in-method';

export async function signInMethod(): Promise<SignInMethod> {
  const response = await fetch(PATH, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${PATH}: ${response.status}`);
  return (await response.json()) as SignInMethod;
}

/** The console's OIDC client, or undefined when the API trusts the local issuer or names no console client. */
export function oidcClientOf(method: SignInMethod): OidcClientSettings | undefined {
  if (method.method !== 'oidc' || !method.clientId) return undefined;
  return { authority: method.authority, clientId: method.clientId, scope: method.scope ?? 'openid' };
}
