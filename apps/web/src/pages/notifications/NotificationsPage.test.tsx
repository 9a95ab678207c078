import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SessionProvider } from '../../auth/session';
import { initI18n } from '../../i18n';
import { fakeApi, json } from '../../test/fake-api';
import { NotificationsPage } from './NotificationsPage';

const notice = (n: number) => ({
  id: `n-${n}`,
  kind: 'case_claimed',
  caseId: null,
  caseNumber: null,
  title: { da: `Besked ${n}`, en: `Notice ${n}` },
  body: { da: 'Tekst', en: 'Text' },
  createdAt: '2026-11-20T10:00:00.000Z',
  read: true,
});

describe('the notifications page', () => {
  it('pages with the cursor the API hands out, and back', async () => {
    // Two pages of 25 and a third of one, as the API would answer with limit=25.
    const api = fakeApi((request) => {
      const cursor = new URL(request.url).searchParams.get('cursor');
      const page = cursor === null ? 0 : Number(cursor);
      const items = Array.from({ length: page < 2 ? 25 : 1 }, (_, i) => notice(page * 25 + i + 1));
      return json(200, { items, nextCursor: page < 2 ? String(page + 1) : null });
    });
    render(
      <I18nextProvider i18n={initI18n('da')}>
        <SessionProvider initial={{ token: 't', actor: { sub: 'cw-1', role: 'caseworker' } }} fetch={api.fetch}>
          <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
            <MemoryRouter>
              <NotificationsPage />
            </MemoryRouter>
          </QueryClientProvider>
        </SessionProvider>
      </I18nextProvider>,
    );
    await screen.findByText('Besked 1');
    const pager = () => screen.getByRole('navigation', { name: 'Sideinddeling' });
    expect(within(pager()).queryByRole('button', { name: 'Forrige side' })).toBeNull();
    await userEvent.click(within(pager()).getByRole('button', { name: 'Næste side' }));
    await screen.findByText('Besked 26');
    expect(within(pager()).getByText('Side 2')).toBeTruthy();
    await userEvent.click(within(pager()).getByRole('button', { name: 'Næste side' }));
    await screen.findByText('Besked 51');
    expect(within(pager()).queryByRole('button', { name: 'Næste side' })).toBeNull();
    await userEvent.click(within(pager()).getByRole('button', { name: 'Forrige side' }));
    await screen.findByText('Besked 26');
    expect(api.calls.every((call) => call.path === '/v1/me/notifications')).toBe(true);
  }, 30000);
});
