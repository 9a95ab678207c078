import type { Schema } from '@kp/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SessionProvider } from '../../auth/session';
import { initI18n } from '../../i18n';
import { fakeApi, json } from '../../test/fake-api';
import { DeliveryOrdersPage } from './DeliveryOrdersPage';

const order = (change: Partial<Schema<'DeliveryOrder'>> = {}): Schema<'DeliveryOrder'> => ({
  id: 'o-1',
  kind: 'delivery',
  caseId: 'c-1',
  caseNumber: 'EK-2027-000001',
  permitId: 'p-1',
  permitNumber: 'DUT-2027-000001',
  holder: { name: 'Danish Cancer Biobank', cvr: '29190925' },
  instructions: {
    sources: [{ dataSourceId: 'biobank-dcb', dataSourceName: 'Danish Cancer Biobank', dataSourceKind: 'biobank', variables: ['tissue_type'], population: 'Kvinder med brystkræft 2015–2024', period: {}, biologicalMaterial: true, decisionId: 'd-1' }],
    output: 'pseudonymised',
    pseudonymisationKeyOwner: { name: 'Danish Cancer Biobank', cvr: '29190925' },
    environment: { id: 'sds_research_machine', name: { da: 'Forskermaskinen', en: 'The Research Machine' }, operator: { name: 'Sundhedsdatastyrelsen', cvr: '33257872' } },
    validUntil: '2029-12-31T23:00:00.000Z',
    serviceLevel: { workingDays: 30, reference: 'Biobankens leveringsvilkår', verified: false },
  },
  status: 'accepted',
  statusReason: null,
  orderedAt: '2027-01-04T09:00:00.000Z',
  dueAt: '2027-02-15T23:00:00.000Z',
  overdue: false,
  dispatchedAt: null,
  stopsOrderId: null,
  version: 2,
  optOutChecks: [{ code: 'tissue_use_register', text: { da: 'Vævsanvendelsesregisteret er kontrolleret', en: 'The tissue-use register was checked' }, legalReference: 'Sundhedsloven § 29' }],
  nextStatuses: ['extracted', 'rejected'],
  history: [],
  ...change,
}) as Schema<'DeliveryOrder'>;

function renderPage(answer: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi(answer);
  render(
    <I18nextProvider i18n={initI18n('da')}>
      <SessionProvider initial={{ token: 't', actor: { sub: 'dh-1', role: 'data_holder', organisation: '29190925' } }} fetch={api.fetch}>
        <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
          <MemoryRouter>
            <DeliveryOrdersPage />
          </MemoryRouter>
        </QueryClientProvider>
      </SessionProvider>
    </I18nextProvider>,
  );
  return api;
}

describe('the delivery orders page', () => {
  it('shows what to extract and where it goes, and reports an extract with the opt-out check confirmed', async () => {
    let current = order();
    const api = renderPage((request, body) => {
      if (request.method === 'POST') {
        current = order({ status: 'extracted', version: 3, nextStatuses: [], history: [{ from: 'accepted', to: 'extracted', reason: null, optOutChecks: ['tissue_use_register'], reportedAt: '2027-01-10T10:00:00.000Z', reportedBy: { role: 'data_holder', organisation: '29190925' } }] });
        return json(200, { ...current, _body: body });
      }
      return json(200, { items: [current], nextCursor: null });
    });
    const section = await screen.findByRole('region', { name: 'Levering til sag EK-2027-000001' });
    expect(within(section).getByText(/Kvinder med brystkræft/)).toBeTruthy();
    expect(within(section).getByText(/Forskermaskinen — Sundhedsdatastyrelsen/)).toBeTruthy();
    // The fixture's service level is unverified: the console says it is assumed and does not show the operator's reference note.
    expect(within(section).getByText('30 arbejdsdage (antaget: kilden har ikke offentliggjort en leveringsfrist)')).toBeTruthy();
    expect(within(section).queryByText(/Biobankens leveringsvilkår/)).toBeNull();
    const form = within(section).getByRole('form', { name: 'Meld status for sag EK-2027-000001' });
    await userEvent.click(within(form).getByLabelText('Udtrukket'));
    await userEvent.click(within(form).getByLabelText('Vævsanvendelsesregisteret er kontrolleret'));
    await userEvent.click(within(form).getByRole('button', { name: 'Send status' }));
    expect(await screen.findByText('Status for sag EK-2027-000001 er nu: Udtrukket.')).toBeTruthy();
    const post = api.calls.find((call) => call.method === 'POST')!;
    expect(post).toMatchObject({ path: '/v1/delivery-orders/o-1/status', body: { status: 'extracted', optOutChecks: ['tissue_use_register'] } });
    // The order now offers nothing to this holder: the operator reports the delivery.
    await screen.findByText(/Udtrukket \(Dataindehaver\)|Udtrukket \(/);
    expect(screen.queryByRole('form')).toBeNull();
  }, 30000);

  it('shows the API’s refusal of a rejection without reason beside the reason field', async () => {
    renderPage((request) =>
      request.method === 'POST'
        ? json(400, { type: 'https://kontaktpunkt.dk/docs/problems/validation', title: 'Ugyldige oplysninger', status: 400, detail: 'Anmodningen har et problem: reason.', errors: [{ field: 'reason', rule: 'isNotEmpty', messages: ['Skriv en begrundelse for afvisningen.'] }] }, 'application/problem+json')
        : json(200, { items: [order()], nextCursor: null }),
    );
    const form = await screen.findByRole('form', { name: 'Meld status for sag EK-2027-000001' });
    await userEvent.click(within(form).getByLabelText('Afvist'));
    await userEvent.click(within(form).getByRole('button', { name: 'Send status' }));
    const reason = await within(form).findByLabelText('Begrundelse for afvisningen');
    expect(await within(form).findAllByText('Skriv en begrundelse for afvisningen.')).not.toHaveLength(0);
    expect(reason.getAttribute('aria-invalid')).toBe('true');
  }, 30000);
});
