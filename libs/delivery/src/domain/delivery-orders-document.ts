import { OPT_OUT_CHECKS } from './opt-out-checks';
import { renderStatusTable } from './status-transitions';

/** docs/delivery-orders.md: who reports which status on an order, rendered from the status table. */
export function renderDeliveryOrdersDocument(): string {
  return [
    '# Delivery and stop orders',
    '',
    'Generated from `libs/delivery/src/domain/status-transitions.ts` by `status-transitions.spec.ts`; do not edit by hand',
    '(run `npx jest libs/delivery -t permissions` with `UPDATE_PERMISSIONS_DOC=1` after changing the table).',
    '',
    'When a permit is issued, each data holder gets one delivery order for the analysis environment the application',
    'named; when it is revoked or expires, open delivery orders are cancelled and each holder whose order was not',
    'rejected gets a stop order. The holder’s delivery staff (`data_holder`, by the CVR in their token) and the operator',
    'of the environment (`environment_operator`) report through `POST /v1/delivery-orders/:id/status`; where the',
    'environment has no operator the contact point deals with (`other`), the holder reports for it. Who operates each',
    'environment is data (`environments` in `rules/authorities.json`); an order keeps the operator named when it was made.',
    '',
    'A later version of a permit (an amendment) orders only the data it changed, from the holders concerned; an extension',
    'orders nothing. A revocation or expiry stops the deliveries of every version. A statistics-only request (EHDS art. 69)',
    'is ordered to the applicant (`statistics_to_applicant`, no operator): the holder reports every step, sends the results',
    'to the applicant itself, and kontaktpunkt never holds them; no stop order follows. The case view shows each order',
    '(`deliveryOrders`); amendments, extensions, statistics requests and fees: [after-the-decision.md](after-the-decision.md).',
    '',
    renderStatusTable(),
    '',
    `Before reporting \`extracted\` the holder confirms the opt-out checks that apply on that day (\`${OPT_OUT_CHECKS.join('`, `')}\`):`,
    'the tissue-use register for biological material (sundhedsloven § 29), and from 26 March 2029 the EHDS art. 71 opt-out.',
    '',
  ].join('\n');
}
