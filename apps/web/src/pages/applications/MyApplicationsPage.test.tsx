import type { Schema } from '@kp/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SessionProvider } from '../../auth/session';
import { initI18n } from '../../i18n';
import { MyApplicationsPage } from './MyApplicationsPage';

const application = (id: string, title: string, myRole: Schema<'Application'>['myRole']): Schema<'Application'> => ({
  id,
  status: 'draft',
  kind: 'application',
  amends: null,
  version: 1,
  content: { title },
  case: null,
  myRole,
  createdAt: '2027-03-01T08:00:00Z',
  updatedAt: '2027-03-01T08:00:00Z',
});
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

describe('my applications', () => {
  it('marks an application shared with you by its team, and opens only your own drafts for editing', async () => {
    const page = { items: [application('a-1', 'Mit eget projekt', 'applicant'), application('a-2', 'Annas projekt', 'co_applicant')], nextCursor: null };
    const fetch = (async () => json(page)) as typeof globalThis.fetch;
    render(
      <I18nextProvider i18n={initI18n('da')}>
        <SessionProvider initial={{ token: 't', actor: { sub: 'r-1', role: 'researcher' } }} fetch={fetch}>
          <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
            <MemoryRouter>
              <MyApplicationsPage />
            </MemoryRouter>
          </QueryClientProvider>
        </SessionProvider>
      </I18nextProvider>,
    );
    expect(await screen.findByText('Delt med dig som medansøger')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Mit eget projekt' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Annas projekt' })).toBeNull();
    expect(screen.getAllByText(/Delt med dig/)).toHaveLength(1);
  });
});
