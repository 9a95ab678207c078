import type { Schema } from '@kp/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SessionProvider } from '../../../auth/session';
import { initI18n } from '../../../i18n';
import { fakeApi, json } from '../../../test/fake-api';
import { ResubmitForm } from './ResubmitForm';

const kase = { id: 'c-1', number: 'EK-2026-000001', version: 5, applicationId: 'a-1', subCases: [] } as unknown as Schema<'Case'>;

describe('answering a request for supplement', () => {
  it('sends one answer per question, in the order asked, with the application’s version as If-Match', async () => {
    const api = fakeApi((request) => (request.method === 'GET' ? json(200, { id: 'a-1', version: 9, status: 'awaiting_applicant', content: {}, case: null }) : json(200, { id: 'c-1' })));
    render(
      <I18nextProvider i18n={initI18n('da')}>
        <SessionProvider initial={{ token: 't', actor: { sub: 'r-1', role: 'researcher' } }} fetch={api.fetch}>
          <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
            <MemoryRouter>
              <ResubmitForm kase={kase} questions={['Hvilken etisk godkendelse dækker koblingen?', 'Hvor mange patienter?']} />
            </MemoryRouter>
          </QueryClientProvider>
        </SessionProvider>
      </I18nextProvider>,
    );
    await waitFor(() => expect(api.calls.some((call) => call.method === 'GET')).toBe(true));
    await userEvent.click(screen.getByRole('button', { name: 'Besvar spørgsmålene' }));
    const form = screen.getByRole('form', { name: 'Besvar spørgsmålene' });
    await userEvent.type(within(form).getByLabelText('Svar på spørgsmål 1: Hvilken etisk godkendelse dækker koblingen?'), 'VEK 1-10-72-123-25');
    await userEvent.type(within(form).getByLabelText('Svar på spørgsmål 2: Hvor mange patienter?'), 'Omkring 40.000');
    await userEvent.click(within(form).getByRole('button', { name: 'Send svar og indsend igen' }));
    await waitFor(() => expect(api.calls.some((call) => call.method === 'POST')).toBe(true));
    const post = api.calls.find((call) => call.method === 'POST')!;
    expect(post).toMatchObject({ path: '/v1/applications/a-1/resubmit', body: { answers: ['VEK 1-10-72-123-25', 'Omkring 40.000'] } });
    expect(post.headers.get('If-Match')).toBe('"9"');
  }, 30000);
});
