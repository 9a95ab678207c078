import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider, useSession } from '../../auth/session';
import { initI18n } from '../../i18n';
import { json } from '../../test/fake-api';
import { SignInCallbackPage } from './SignInCallbackPage';
import { SignInPage } from './SignInPage';

const oidc = vi.hoisted(() => ({ startOidcSignIn: vi.fn(async () => {}), completeOidcSignIn: vi.fn(), forgetOidcUser: vi.fn(async () => {}) }));
vi.mock('../../auth/oidc', () => oidc);

const CLIENT = { authority: 'https://idp.test', clientId: 'kp-console', scope: 'openid profile email' };
const CASEWORKER = { sub: 'idp|cw-17', role: 'caseworker', organisation: '33257872', name: 'Karen Holm' };

/** The API as the console sees it before sign-in: the sign-in method, and /v1/me for a provider's token. */
function api(method: unknown) {
  const calls: { path: string; authorization: string | null }[] = [];
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    const path = new URL(input, 'http://console.test').pathname;
    const authorization = new Headers(init?.headers).get('Authorization');
    calls.push({ path, authorization });
    if (path === '/v1/sign-in-method') return json(200, method);
    if (path === '/v1/me') return authorization === 'Bearer provider-token' ? json(200, CASEWORKER) : json(401, {});
    if (path === '/v1/dev/sign-in') return json(200, { personas: [{ sub: 'cw-1', role: 'caseworker', name: 'Karen Holm' }] });
    return json(404, {});
  });
  return calls;
}

function WhoIsSignedIn() {
  const { session } = useSession();
  return <p>{session ? `${session.actor.name} ${session.token}` : 'nobody'}</p>;
}

function renderAt(path: string) {
  return render(
    <I18nextProvider i18n={initI18n('da')}>
      <SessionProvider>
        <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
          <MemoryRouter initialEntries={[path]}>
            <Routes>
              <Route path="/sign-in" element={<SignInPage />} />
              <Route path="/sign-in/callback" element={<SignInCallbackPage />} />
              <Route path="/queues/central" element={<WhoIsSignedIn />} />
            </Routes>
          </MemoryRouter>
        </QueryClientProvider>
      </SessionProvider>
    </I18nextProvider>,
  );
}

describe('sign-in as the API says it happens', () => {
  beforeEach(() => {
    oidc.startOidcSignIn.mockClear();
    oidc.completeOidcSignIn.mockReset();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('with OIDC and a console client: one button that leaves for the provider with that client, and no personas', async () => {
    const calls = api({ method: 'oidc', ...CLIENT });
    renderAt('/sign-in');
    await userEvent.click(await screen.findByRole('button', { name: 'Log ind hos identitetsudbyderen' }));
    expect(oidc.startOidcSignIn).toHaveBeenCalledWith(CLIENT);
    expect(screen.queryByRole('button', { name: /Log ind som/ })).toBeNull();
    expect(calls.map((call) => call.path)).not.toContain('/v1/dev/sign-in');
  });

  it('with OIDC but no console client: says so, with nothing to click', async () => {
    api({ method: 'oidc', authority: CLIENT.authority });
    renderAt('/sign-in');
    expect(await screen.findByText(/OIDC_CONSOLE_CLIENT_ID/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('with the local issuer: the development personas', async () => {
    api({ method: 'local' });
    renderAt('/sign-in');
    expect(await screen.findByRole('button', { name: 'Log ind som Karen Holm' })).toBeTruthy();
    expect(oidc.startOidcSignIn).not.toHaveBeenCalled();
  });

  it('back from the provider: the code becomes a token in memory, the API names its person, and the role’s start page opens', async () => {
    const calls = api({ method: 'oidc', ...CLIENT });
    oidc.completeOidcSignIn.mockResolvedValue('provider-token');
    renderAt('/sign-in/callback?code=abc&state=xyz');
    expect(await screen.findByText('Karen Holm provider-token')).toBeTruthy();
    expect(oidc.completeOidcSignIn).toHaveBeenCalledTimes(1);
    expect(oidc.completeOidcSignIn.mock.calls[0]![0]).toEqual(CLIENT);
    expect(calls).toContainEqual({ path: '/v1/me', authorization: 'Bearer provider-token' });
    expect(window.localStorage.length).toBe(0);
  });

  it('takes each renewed token from the provider for the same person', async () => {
    api({ method: 'oidc', ...CLIENT });
    let renew: (token: string) => void = () => {};
    oidc.completeOidcSignIn.mockImplementation(async (_client: unknown, onRenewed: (token: string) => void) => {
      renew = onRenewed;
      return 'provider-token';
    });
    renderAt('/sign-in/callback?code=abc&state=xyz');
    await screen.findByText('Karen Holm provider-token');
    renew('renewed-token');
    await waitFor(() => expect(screen.getByText('Karen Holm renewed-token')).toBeTruthy());
  });

  it('shows why when the provider’s answer cannot be used', async () => {
    api({ method: 'oidc', ...CLIENT });
    oidc.completeOidcSignIn.mockRejectedValue(new Error('No matching state found in storage'));
    renderAt('/sign-in/callback?code=abc&state=stale');
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringContaining('No matching state found in storage'));
  });
});
