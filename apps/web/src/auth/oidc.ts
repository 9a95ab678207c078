import type { UserManager, UserManagerSettings } from 'oidc-client-ts';
import type { OidcClientSettings } from './sign-in-method';

/** Where the provider sends the browser back with the authorization code (never a token: response_type=code). */
export const CALLBACK_PATH = '/sign-in/callback';

/**
 * The authorization-code flow with PKCE (RFC 7636) through oidc-client-ts, the certified OpenID
 * client for browsers. The user — access, ID and refresh tokens — lives in an InMemoryWebStorage:
 * never in localStorage, sessionStorage, a cookie or a URL, so a reload signs out (the provider's
 * own session then signs back in with one click). Only the round trip's state and PKCE verifier
 * wait in sessionStorage while the browser is at the provider (a redirect leaves this page, so
 * memory cannot carry them); oidc-client-ts removes them when the code comes back.
 */
export async function settingsFor(client: OidcClientSettings): Promise<UserManagerSettings> {
  const { InMemoryWebStorage, WebStorageStateStore } = await import('oidc-client-ts');
  const origin = window.location.origin;
  return {
    authority: client.authority,
    client_id: client.clientId,
    scope: client.scope,
    response_type: 'code',
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}/sign-in`,
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    // Renews before expiry with the refresh token. Without one the session ends at expiry: no hidden
    // iframe renewal, as the console's pages refuse to be framed (frame-ancestors 'none').
    automaticSilentRenew: true,
    // A public client has no secret: PKCE (S256) is what binds the code to this browser.
    disablePKCE: false,
  };
}

let manager: Promise<UserManager> | undefined;
let managerFor: string | undefined;

/** One UserManager per page load and client; oidc-client-ts is loaded only here, so the local sign-in never downloads it. */
export function oidcManager(client: OidcClientSettings): Promise<UserManager> {
  const key = `${client.authority} ${client.clientId}`;
  if (!manager || managerFor !== key) {
    managerFor = key;
    manager = Promise.all([import('oidc-client-ts'), settingsFor(client)]).then(([{ UserManager }, settings]) => new UserManager(settings));
  }
  return manager;
}

/** Leaves for the provider's sign-in page. */
export async function startOidcSignIn(client: OidcClientSettings): Promise<void> {
  await (await oidcManager(client)).signinRedirect();
}

/**
 * Exchanges the code in this page's URL for tokens (with the PKCE verifier) and returns the access
 * token (undefined for a popup or frame callback, which the console does not start).
 * `onRenewed` hears every later access token, `onEnded` a renewal that failed or a token that expired.
 */
export async function completeOidcSignIn(client: OidcClientSettings, onRenewed: (token: string) => void, onEnded: () => void): Promise<string | undefined> {
  const users = await oidcManager(client);
  const user = await users.signinCallback(window.location.href);
  if (!user) return undefined;
  users.events.addUserLoaded((renewed) => onRenewed(renewed.access_token));
  users.events.addAccessTokenExpired(onEnded);
  users.events.addSilentRenewError(onEnded);
  return user.access_token;
}

/** Forgets the tokens held in memory and stops renewing them (sign-out in the console). */
export async function forgetOidcUser(): Promise<void> {
  if (!manager) return;
  const users = await manager;
  users.stopSilentRenew();
  await users.removeUser();
}
