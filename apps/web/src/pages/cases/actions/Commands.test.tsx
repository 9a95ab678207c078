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
import { Commands } from './Commands';

const step = (command: Schema<'Command'>, over: Partial<Schema<'NextStep'>> = {}): Schema<'NextStep'> => ({ command, subCaseId: null, draftId: null, consultationId: null, legalMatterId: null, permitId: null, hearingId: null, appealId: null, reopeningRequestId: null, approvalBlockedBy: null, ...over });
const kase = {
  id: 'c-1',
  number: 'EK-2026-000001',
  version: 7,
  applicationId: 'a-1',
  subCases: [{ id: 's-1', dataSourceName: 'Landspatientregisteret', advisorRegion: null, screening: { verdict: 'approve' } }],
} as unknown as Schema<'Case'>;

function renderCommands(steps: Schema<'NextStep'>[], fetch: typeof globalThis.fetch) {
  render(
    <I18nextProvider i18n={initI18n('da')}>
      <SessionProvider initial={{ token: 't', actor: { sub: 'cw-1', role: 'caseworker' } }} fetch={fetch}>
        <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
          <MemoryRouter>
            <Commands kase={kase} steps={steps} />
          </MemoryRouter>
        </QueryClientProvider>
      </SessionProvider>
    </I18nextProvider>,
  );
}

describe('the case commands', () => {
  it('offers exactly the commands the case lists now, and nothing the API would refuse', () => {
    renderCommands([step('claim'), step('draft_decision', { subCaseId: 's-1' }), step('read_case')], fakeApi(() => json(500, {})).fetch);
    const buttons = screen.getAllByRole('button').map((button) => button.textContent);
    expect(buttons).toEqual(['Tag sagen', 'Udarbejd udkast til afgørelse']);
  });

  it('sends a draft decision with the case version as If-Match, and shows a refusal’s text beside the field it names', async () => {
    const api = fakeApi(() =>
      json(422, { type: 'https://kontaktpunkt.dk/problems/validation', title: 'Ugyldig anmodning', status: 422, detail: 'Afgørelsen mangler en begrundelse.', errors: [{ field: 'reasoning', messages: ['Skriv en begrundelse (forvaltningsloven § 22).'] }] }, 'application/problem+json'),
    );
    renderCommands([step('draft_decision', { subCaseId: 's-1' })], api.fetch);
    await userEvent.click(screen.getByRole('button', { name: 'Udarbejd udkast til afgørelse' }));
    const form = screen.getByRole('form', { name: 'Udarbejd udkast til afgørelse' });
    expect(within(form).getByText('Reglernes vurdering: Kan godkendes')).toBeTruthy();
    await userEvent.selectOptions(within(form).getByLabelText('Resultat'), 'approved_with_conditions');
    await userEvent.type(within(form).getByLabelText('Hjemmel'), 'EHDS art. 68');
    await userEvent.type(within(form).getByLabelText('Vilkår'), 'Kun aggregerede tal{Enter}{Enter}Ingen kobling til andre data');
    await userEvent.click(within(form).getByRole('button', { name: 'Udarbejd udkast til afgørelse' }));

    const reasoning = await within(form).findByLabelText('Begrundelse');
    await waitFor(() => expect(reasoning.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(reasoning.getAttribute('aria-describedby')!.split(' ').at(-1)!)?.textContent).toBe('Fejl: Skriv en begrundelse (forvaltningsloven § 22).');
    expect(within(form).getByRole('alert').textContent).toContain('Afgørelsen mangler en begrundelse.');
    const [call] = api.calls;
    expect(call).toMatchObject({ method: 'POST', path: '/v1/cases/c-1/sub-cases/s-1/decision-drafts', body: { outcome: 'approved_with_conditions', legalBasis: 'EHDS art. 68', reasoning: '', conditions: ['Kun aggregerede tal', 'Ingen kobling til andre data'] } });
    expect(call.headers.get('If-Match')).toBe('"7"');
  }, 30000);
});
