import { application, approve, deny, finding, PROJECT_AFTER_EHDS, request } from '../build';
import { LegalApplication, Scenario } from '../model';
import { CENTRAL, EHDS_66, EHDS_DAY, EVE_OF_EHDS } from '../provisions';

/** The same application, screened on the last working day before and on the first day of EHDS chapter IV. */
function pseudonymisedWithoutJustification(): LegalApplication {
  return application({
    title: 'Hospital contacts before a dementia diagnosis',
    purpose: 'To describe hospital contacts in the ten years before a dementia diagnosis, to find opportunities for earlier diagnosis.',
    output: 'pseudonymised',
    pseudonymisationJustification: undefined,
    projectPeriod: PROJECT_AFTER_EHDS,
    dataRequests: [request('lpr', { population: 'Adults with a first dementia diagnosis (ICD-10 F00–F03, G30) 2015–2025' })],
  });
}

/** EHDS chapter IV applies from 26 March 2029 (art. 105): before, an EHDS-only check informs; from then, it decides. */
export const lawInForce: Scenario[] = [
  {
    name: 'pseudonymised data without a justification on 23 March 2029: EHDS art. 66 only informs, naming the date, and Danish law approves',
    covers: 'EHDS-only check (art. 66) before 26 March 2029: info/warning naming the date; approve',
    on: EVE_OF_EHDS,
    application: pseudonymisedWithoutJustification(),
    expect: {
      lpr: {
        track: CENTRAL,
        verdict: approve('before 26 March 2029 decisions rest on Danish law and the GDPR; pseudonymised register data on the research machine are ordinary practice there (LEGAL.md, EHDS; research service)'),
        cites: [
          finding(EHDS_66, 'an EHDS-only requirement may inform (info/warning, "from 26 March 2029 …") but never decides before that date (LEGAL.md, EHDS; art. 105)', {
            verdict: 'approve',
            severity: ['info', 'warning'],
            mentions: '2029',
          }),
        ],
      },
    },
  },
  {
    name: 'the same application on 26 March 2029: EHDS art. 66 applies and pseudonymised data without a justification are denied',
    covers: 'EHDS-only check (art. 66) from 26 March 2029: decides (deny)',
    on: EHDS_DAY,
    application: pseudonymisedWithoutJustification(),
    expect: {
      lpr: {
        track: CENTRAL,
        verdict: deny('EHDS art. 66: pseudonymised data only with a justification that anonymised data will not do; chapter IV applies from 26 March 2029 (LEGAL.md, EHDS; art. 105)'),
        cites: [finding(EHDS_66, 'EHDS art. 66 [verified] (LEGAL.md)', { verdict: 'deny' })],
      },
    },
  },
];
