import { abstain, applicant, application, approve, finding, PROJECT_AFTER_EHDS, request } from '../build';
import { variables } from '../catalogue';
import { Scenario } from '../model';
import { REAL } from '../organisations';
import { AFTER_EHDS, BEFORE_EHDS, CENTRAL, COLLABORATIVE, EHDS_66, GDPR_5_1_C, SUL_43 } from '../provisions';

const MINIMISATION = 'each requested variable, the population and the period must be necessary for the purpose (LEGAL.md: GDPR art. 5(1)(c); dbl § 10 stk. 1 "nødvendig"; EHDS art. 66(1) from 2029)';
const UNDEFINED_VARIABLE = 'nobody can approve access to a variable the complete catalogue does not define: a caseworker must clarify what is meant, so abstain (issue 10, data minimisation; GDPR art. 5(1)(c))';
const EVERYTHING_WITHOUT_NECESSITY = 'every variable, a wildcard or the whole population without a necessity text: minimisation cannot be judged, so abstain (issue 10, data minimisation)';

/** Data minimisation: GDPR art. 5(1)(c), dbl § 10 stk. 1 "nødvendig", EHDS art. 66(1) from 2029. */
export const minimisation: Scenario[] = [
  {
    name: 'LPR variables that are not in the catalogue are held for a caseworker',
    covers: 'variables outside a complete catalogue (LPR): abstain on GDPR art. 5(1)(c)',
    on: BEFORE_EHDS,
    application: application({
      title: 'Income, religion and psychiatric admissions',
      purpose: 'To study psychiatric admissions by income and religious affiliation.',
      dataRequests: [
        // 'indkomst' and 'religion' are deliberately not LPR variables (not in catalogue.ts).
        request('lpr', { variables: [...variables('lpr', 'aktionsdiagnose', 'dato_start'), 'indkomst', 'religion'], population: 'Adults with a psychiatric admission 2015–2025' }),
      ],
    }),
    expect: { lpr: { track: CENTRAL, verdict: abstain(UNDEFINED_VARIABLE), cites: [finding(GDPR_5_1_C, MINIMISATION, { verdict: 'abstain' })] } },
  },
  {
    name: 'a patient-record variable outside the representative catalogue only warns, and the consented project is approved',
    covers: 'variable outside a representative catalogue (EPJ): warning on GDPR art. 5(1)(c), verdict unaffected (§ 43 consent: approve)',
    on: BEFORE_EHDS,
    application: application({
      title: 'Social circumstances and recovery after hip fracture',
      purpose: 'To study recovery after hip fracture in a cohort of patients who consented in writing, including their household circumstances.',
      consent: true,
      legalBasis: { gdprArt6: 'art. 6(1)(e)', gdprArt9: 'art. 9(2)(a) explicit consent; sundhedsloven § 43' },
      processingEnvironment: 'national_platform',
      // 'husstandsindkomst' is deliberately not in the patient-record catalogue.
      dataRequests: [request('epj-region-midtjylland', { variables: ['diagnoser', 'medicinadministration', 'husstandsindkomst'], population: 'The 800 consenting cohort members' })],
    }),
    expect: {
      'epj-region-midtjylland': {
        track: COLLABORATIVE,
        verdict: approve('sundhedsloven § 43 consent; a variable outside a representative catalogue (patient records) gets a warning, not an abstain (issue 10, data minimisation)'),
        cites: [
          finding(GDPR_5_1_C, 'the representative catalogue cannot show the variable is missing: warn (issue 10, data minimisation)', { severity: 'warning', verdict: 'approve' }),
          finding(SUL_43, 'sundhedsloven § 43 (LEGAL.md, Danish law)', { verdict: 'approve' }),
        ],
      },
    },
  },
  {
    name: 'a wildcard request for every LMDB variable without a necessity text is held for a caseworker',
    covers: 'wildcard variables without necessity: abstain on GDPR art. 5(1)(c)',
    on: BEFORE_EHDS,
    application: application({
      title: 'Polypharmacy in older adults',
      purpose: 'To describe polypharmacy among adults over 75.',
      applicant: applicant(REAL.aalborgUniversitet, 'Emil Skov', 'es@dcm.aau.dk'),
      dataRequests: [request('lmdb', { variables: ['*'], necessity: undefined, population: 'Adults over 75 redeeming any prescription 2020–2025' })],
    }),
    expect: { lmdb: { track: CENTRAL, verdict: abstain(EVERYTHING_WITHOUT_NECESSITY), cites: [finding(GDPR_5_1_C, MINIMISATION, { verdict: 'abstain' })] } },
  },
  {
    name: 'the whole Cancer Registry without a necessity text is held for a caseworker under EHDS art. 66 (from 26 March 2029)',
    covers: 'whole register without necessity, after 2029: abstain on EHDS art. 66',
    on: AFTER_EHDS,
    application: application({
      title: 'Cancer epidemiology platform',
      purpose: 'A platform for future cancer epidemiology studies at the department.',
      applicant: applicant(REAL.syddanskUniversitet, 'Maja Thomsen', 'mthomsen@health.sdu.dk'),
      projectPeriod: PROJECT_AFTER_EHDS,
      dataRequests: [request('cancer', { population: 'The whole Cancer Registry', wholeRegister: true, necessity: undefined })],
    }),
    expect: {
      cancer: {
        track: CENTRAL,
        verdict: abstain(EVERYTHING_WITHOUT_NECESSITY),
        cites: [finding(EHDS_66, 'EHDS art. 66(1): data minimisation, in force from 26 March 2029', { verdict: 'abstain' })],
      },
    },
  },
  {
    name: 'the whole Cancer Registry with a stated necessity is approved',
    covers: 'whole register with a necessity text: approve (minimisation satisfied)',
    on: BEFORE_EHDS,
    application: application({
      title: 'National cancer incidence trends',
      purpose: 'To estimate national incidence trends for all cancer sites, 1978–2025, as a reference for cancer planning.',
      applicant: applicant(REAL.koebenhavnsUniversitet, 'Ida Winther', 'iw@sund.ku.dk'),
      dataRequests: [
        request('cancer', {
          population: 'Every person in the Cancer Registry',
          wholeRegister: true,
          necessity: 'National incidence for every site needs every registered case; only site, date of diagnosis and morphology are requested.',
          variables: variables('cancer', 'C_ICD10', 'D_DIAGNOSEDATO', 'C_MORFO3'),
          period: { start: '1978-01-01', end: '2025-12-31' },
        }),
      ],
    }),
    expect: { cancer: { track: CENTRAL, verdict: approve('a whole register is proportionate when the purpose needs it and the necessity is stated (LEGAL.md: GDPR art. 5(1)(c); dbl § 10 stk. 1)') } },
  },
];
