import type { Schema } from '@kp/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SessionProvider } from '../../../auth/session';
import { initI18n } from '../../../i18n';
import { ApplicationForm } from './ApplicationForm';

const draft: Schema<'Application'> = { id: 'a-1', status: 'draft', kind: 'application', amends: null, version: 3, content: {}, case: null, myRole: 'applicant', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
const report = (over: Partial<Schema<'CheckReport'>> = {}): Schema<'CheckReport'> => ({ complete: false, missing: [], invalid: [], dataRequests: [], readyToSubmit: false, nextCommand: 'submit', answersRequired: false, refusalLikely: false, ...over }) as Schema<'CheckReport'>;
const json = (status: number, body: unknown, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

/** A stand-in API: records every request and answers with `answer`. */
function fakeApi(answer: (request: Request, body: unknown) => Response) {
  const calls: { method: string; path: string; headers: Headers; body: unknown }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const text = await request.clone().text();
    const body = text ? JSON.parse(text) : undefined;
    calls.push({ method: request.method, path: new URL(request.url).pathname, headers: request.headers, body });
    return answer(request, body);
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

function renderForm(fetch: typeof globalThis.fetch, section = 'applicant') {
  const i18n = initI18n('da');
  render(
    <I18nextProvider i18n={i18n}>
      <SessionProvider initial={{ token: 't', actor: { sub: 'r-1', role: 'researcher' } }} fetch={fetch}>
        <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
          <MemoryRouter initialEntries={[`/applications/a-1?section=${section}`]}>
            <ApplicationForm application={draft} />
          </MemoryRouter>
        </QueryClientProvider>
      </SessionProvider>
    </I18nextProvider>,
  );
}

describe('the application form', () => {
  it('saves the draft when typing pauses, with the version read as If-Match, and says so', async () => {
    const api = fakeApi((request, body) =>
      request.method === 'PATCH' ? json(200, { ...draft, version: 4, content: body }) : json(200, report()),
    );
    renderForm(api.fetch);
    await userEvent.type(screen.getByLabelText('Dit navn'), 'Mette Jensen');
    await screen.findByText('Kladden er gemt', {}, { timeout: 3000 });
    const patches = api.calls.filter((call) => call.method === 'PATCH');
    expect(patches).toHaveLength(1); // debounced: one save for the whole name
    expect(patches[0]).toMatchObject({ path: '/v1/applications/a-1', body: { applicant: { name: 'Mette Jensen' } } });
    expect(patches[0].headers.get('If-Match')).toBe('"3"');
  });

  it('shows the API’s problem text next to the field it names, and keeps that field back while saving the rest', async () => {
    const api = fakeApi((request, body) => {
      if (request.method !== 'PATCH') return json(200, report());
      const content = body as Record<string, unknown>;
      if ('applicant' in content) {
        return json(400, { type: 'https://kontaktpunkt.dk/problems/validation', title: 'Validation', status: 400, detail: 'invalid', errors: [{ field: 'applicant.email', messages: ['Skriv en gyldig e-mailadresse.'] }] }, 'application/problem+json');
      }
      return json(200, { ...draft, version: 4, content });
    });
    renderForm(api.fetch);
    await userEvent.type(screen.getByLabelText('Din e-mail'), 'mette');
    await userEvent.type(screen.getByLabelText('Forskerens navn'), 'Mette Jensen');
    const email = screen.getByLabelText('Din e-mail');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'), { timeout: 3000 });
    expect(document.getElementById(email.getAttribute('aria-describedby')!)?.textContent).toBe('Fejl: Skriv en gyldig e-mailadresse.');
    expect(screen.getByTestId('save-state').textContent).toBe('Ikke gemt: ret felterne markeret med fejl');
    const saved = api.calls.filter((call) => call.method === 'PATCH').at(-1)!;
    expect(saved.body).toEqual({ researchers: [{ name: 'Mette Jensen' }] });
  });

  it('submits with an Idempotency-Key and lists the refusal’s fields as links to them', async () => {
    const api = fakeApi((request) => {
      if (request.url.endsWith('/submit')) {
        return json(422, { type: 'https://kontaktpunkt.dk/problems/incomplete-application', title: 'Incomplete', status: 422, detail: 'incomplete', errors: [{ field: 'title', messages: ['Titlen mangler.'] }] }, 'application/problem+json');
      }
      return json(200, report({ missing: [{ field: 'title', messages: ['Titlen mangler.'] }] }));
    });
    renderForm(api.fetch, 'submit');
    await userEvent.click(screen.getByRole('button', { name: 'Indsend ansøgningen' }));
    const summary = await screen.findByRole('alert');
    expect(summary.querySelector('a')?.getAttribute('href')).toBe('#f-title');
    const submit = api.calls.find((call) => call.path.endsWith('/submit'))!;
    expect(submit.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(screen.getByRole('link', { name: /Formål.*1 mangler/ })).toBeTruthy();
  });
});
