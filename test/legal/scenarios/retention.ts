import { abstain, applicant, application, finding, PROJECT_AFTER_EHDS, request } from '../build';
import { Scenario } from '../model';
import { REAL } from '../organisations';
import { AFTER_EHDS, BEFORE_EHDS, CENTRAL, GDPR_5_1_E } from '../provisions';

const RETENTION = 'keeping data after the project period needs a stated reason (documentation under the Code of Conduct for Research Integrity, archiving): a matter for the caseworker — abstain, never deny by itself (LEGAL.md: GDPR art. 5(1)(e))';

/** Retention after the project period (GDPR art. 5(1)(e)): abstain, never deny, and no invented margin. */
export const retention: Scenario[] = [
  {
    name: 'keeping register data five years after the project ends is held for a caseworker, not denied',
    covers: 'retention 5 years after the project period: abstain on GDPR art. 5(1)(e), never deny',
    on: BEFORE_EHDS,
    application: application({
      title: 'Kidney function after cardiac surgery',
      purpose: 'To study acute kidney injury after cardiac surgery and long-term dialysis.',
      applicant: applicant(REAL.aarhusUniversitet, 'Mette Jensen', 'mette.jensen@au.dk'),
      retentionUntil: '2034-12-31',
      dataRequests: [request('lpr', { population: 'Adults after cardiac surgery 2012–2025' })],
    }),
    expect: { lpr: { track: CENTRAL, verdict: abstain(RETENTION), cites: [finding(GDPR_5_1_E, RETENTION, { verdict: 'abstain' })] } },
  },
  {
    name: 'keeping data two months after the project ends is held for a caseworker too: there is no twelve-month margin (from 26 March 2029)',
    covers: 'retention 2 months after the project period: abstain on GDPR art. 5(1)(e) (no invented margin)',
    on: AFTER_EHDS,
    application: application({
      title: 'Causes of death after bariatric surgery',
      purpose: 'To study causes of death after bariatric surgery, to improve follow-up.',
      applicant: applicant(REAL.syddanskUniversitet, 'Jonas Krogh', 'jkrogh@health.sdu.dk'),
      projectPeriod: PROJECT_AFTER_EHDS,
      retentionUntil: '2032-08-31',
      dataRequests: [request('dar', { population: 'Persons who had bariatric surgery 2010–2025' })],
    }),
    expect: { dar: { track: CENTRAL, verdict: abstain(RETENTION), cites: [finding(GDPR_5_1_E, RETENTION, { verdict: 'abstain' })] } },
  },
];
