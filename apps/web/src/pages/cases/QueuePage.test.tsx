import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SessionProvider } from '../../auth/session';
import { initI18n } from '../../i18n';
import { fakeApi, json } from '../../test/fake-api';
import { QueuePage } from './QueuePage';
import { queueItem } from './queue-item.fixture';

describe('the queue page', () => {
  it('claims straight from a row that offers it, and reads the queue again', async () => {
    let claimed = false;
    const api = fakeApi((request) => {
      const path = new URL(request.url).pathname;
      if (path === '/v1/workload') return json(200, { totals: { open: 2, atRisk: 0, overdue: 0, unassigned: 2 }, byQueue: [], byAssignee: [], byWaitingFor: [] });
      if (path === '/v1/cases/c-1/claim') {
        claimed = true;
        return json(200, { caseId: 'c-1', assignee: 'cw-1', version: 3 });
      }
      return json(200, {
        queue: 'central',
        nextCursor: null,
        items: [
          queueItem(1, claimed ? { assignee: 'cw-1', nextSteps: [] } : { nextSteps: [{ command: 'claim' }] }),
          queueItem(2, { assignee: 'cw-2', nextSteps: [] }),
        ],
      });
    });
    render(
      <I18nextProvider i18n={initI18n('da')}>
        <SessionProvider initial={{ token: 't', actor: { sub: 'cw-1', role: 'caseworker' } }} fetch={api.fetch}>
          <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
            <MemoryRouter initialEntries={['/queues/central']}>
              <Routes>
                <Route path="/queues/:queue" element={<QueuePage />} />
              </Routes>
            </MemoryRouter>
          </QueryClientProvider>
        </SessionProvider>
      </I18nextProvider>,
    );
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[1]!).queryByRole('button')).toBeNull();
    await userEvent.click(within(rows[0]!).getByRole('button', { name: 'Tag sagen EK-2026-000001' }));
    expect(await screen.findByText('Du har taget sag EK-2026-000001.')).toBeTruthy();
    expect(api.calls.filter((call) => call.method === 'POST').map((call) => call.path)).toEqual(['/v1/cases/c-1/claim']);
    await waitFor(() => expect(screen.queryByRole('button', { name: /Tag sagen/ })).toBeNull());
  }, 30000);
});
