import { User, UserManager } from 'oidc-client-ts';
import { describe, expect, it } from 'vitest';
import { settingsFor } from './oidc';

describe('the OIDC client settings', () => {
  it('asks for a code with PKCE, comes back to the callback page, and keeps the tokens in memory only', async () => {
    const settings = await settingsFor({ authority: 'https://idp.test', clientId: 'kp-console', scope: 'openid profile email' });
    expect(settings).toMatchObject({ response_type: 'code', client_id: 'kp-console', redirect_uri: `${window.location.origin}/sign-in/callback`, disablePKCE: false });
    const users = new UserManager(settings);
    await users.storeUser(new User({ access_token: 'access-secret', refresh_token: 'refresh-secret', id_token: 'id-secret', token_type: 'Bearer', profile: { sub: 's', iss: 'https://idp.test', aud: 'kp-console', exp: 0, iat: 0 } }));
    expect((await users.getUser())?.access_token).toBe('access-secret');
    const persisted = [window.localStorage, window.sessionStorage].flatMap((store) => Object.keys(store).map((key) => store.getItem(key) ?? ''));
    expect(persisted.join()).not.toMatch(/secret/);
  });
});
