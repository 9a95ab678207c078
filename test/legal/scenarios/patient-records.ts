import { abstain, applicant, application, approve, finding, request } from '../build';
import { Scenario } from '../model';
import { REAL } from '../organisations';
import { BEFORE_EHDS, COLLABORATIVE, SUL_43, SUL_46_1, SUL_46_2, SUL_47 } from '../provisions';

const SUL_46_1_ROUTE = 'sundhedsloven § 46 stk. 1: a project approved by a research ethics committee may use patient records (LEGAL.md, Danish law)';
const SUL_46_2_ROUTE = 'sundhedsloven § 46 stk. 2: without an approved notifiable project the region approves the disclosure and judges the significant societal interest — a decision for the region, so the screening abstains (LEGAL.md, Danish law)';
const NOT_AN_APPROVAL = 'a committee’s answer that a register-only project is not notifiable (komitéloven § 14) is not an approval: the project takes the § 46 stk. 2 route (LEGAL.md, Danish law)';

const EPJ_SAFEGUARDS = 'Extract delivered by the region’s data-support centre to the national analysis platform, with two-factor login for the named researchers; only aggregated results leave it; data deleted at the end of the project.';

/** Patient records (EPJ) of the five regions: which route of sundhedsloven §§ 43, 46 and 47 applies. */
export const patientRecords: Scenario[] = [
  {
    name: 'a VEK-approved project gets Region Midtjylland’s patient records on the § 46 stk. 1 route and is approved',
    covers: 'EPJ with an approved notifiable project: approve on sundhedsloven § 46 stk. 1',
    on: BEFORE_EHDS,
    application: application({
      title: 'Early mobilisation after stroke',
      purpose: 'To study whether early mobilisation after stroke, as documented in the patient record, improves function at discharge.',
      ethicsApproval: { committee: 'VEK', reference: '1-10-72-123-26', status: 'approved' },
      safeguards: EPJ_SAFEGUARDS,
      processingEnvironment: 'national_platform',
      dataRequests: [request('epj-region-midtjylland', { population: 'Patients admitted with stroke at the region’s hospitals 2018–2025' })],
    }),
    expect: {
      'epj-region-midtjylland': { track: COLLABORATIVE, verdict: approve(SUL_46_1_ROUTE), cites: [finding(SUL_46_1, SUL_46_1_ROUTE, { verdict: 'approve' })] },
    },
  },
  {
    name: 'a project the committee found not notifiable takes the § 46 stk. 2 route for Region Syddanmark’s records',
    covers: 'EPJ with ethics status not_notifiable: § 46 stk. 2 route, abstain; not § 46 stk. 1',
    on: BEFORE_EHDS,
    application: application({
      title: 'Antibiotic prescribing in emergency departments',
      purpose: 'To study antibiotic prescribing for suspected pneumonia in emergency departments, to reduce broad-spectrum use.',
      applicant: applicant(REAL.syddanskUniversitet, 'Jonas Krogh', 'jkrogh@health.sdu.dk'),
      ethicsApproval: { committee: 'VEK', reference: 'S-20260012', status: 'not_notifiable' },
      safeguards: EPJ_SAFEGUARDS,
      processingEnvironment: 'national_platform',
      dataRequests: [request('epj-region-syddanmark', { population: 'Adults seen in the region’s emergency departments with suspected pneumonia 2020–2025' })],
    }),
    expect: {
      'epj-region-syddanmark': {
        track: COLLABORATIVE,
        verdict: abstain(SUL_46_2_ROUTE),
        cites: [finding(SUL_46_2, NOT_AN_APPROVAL)],
        notCited: [{ provision: SUL_46_1, because: NOT_AN_APPROVAL }],
      },
    },
  },
  {
    name: 'a project with neither consent nor ethics approval takes the § 46 stk. 2 route for Region Hovedstaden’s records',
    covers: 'EPJ without consent or ethics approval: § 46 stk. 2 route, abstain',
    on: BEFORE_EHDS,
    application: application({
      title: 'Delirium in older surgical patients',
      purpose: 'To describe the occurrence of delirium after acute surgery in patients over 75, to improve prevention.',
      applicant: applicant(REAL.koebenhavnsUniversitet, 'Anne Holst', 'aholst@sund.ku.dk'),
      safeguards: EPJ_SAFEGUARDS,
      processingEnvironment: 'national_platform',
      dataRequests: [request('epj-region-hovedstaden', { population: 'Patients over 75 after acute abdominal surgery 2019–2025' })],
    }),
    expect: { 'epj-region-hovedstaden': { track: COLLABORATIVE, verdict: abstain(SUL_46_2_ROUTE), cites: [finding(SUL_46_2, SUL_46_2_ROUTE)] } },
  },
  {
    name: 'a cohort whose members consented in writing gets Region Nordjylland’s records under § 43 and is approved',
    covers: 'EPJ with written consent: approve on sundhedsloven § 43',
    on: BEFORE_EHDS,
    application: application({
      title: 'North Jutland diabetes cohort',
      purpose: 'To follow the members of a diabetes cohort, who consented in writing to the use of their patient records, for complications over ten years.',
      applicant: applicant(REAL.aalborgUniversitet, 'Rasmus Vestergaard', 'rv@dcm.aau.dk'),
      consent: true,
      legalBasis: { gdprArt6: 'art. 6(1)(e)', gdprArt9: 'art. 9(2)(a) explicit consent; sundhedsloven § 43' },
      safeguards: EPJ_SAFEGUARDS,
      processingEnvironment: 'national_platform',
      dataRequests: [request('epj-region-nordjylland', { population: 'The 2,400 cohort members who consented' })],
    }),
    expect: {
      'epj-region-nordjylland': {
        track: COLLABORATIVE,
        verdict: approve('sundhedsloven § 43: the patients’ written consent is a route of its own (LEGAL.md, Danish law)'),
        cites: [finding(SUL_43, 'sundhedsloven § 43 (LEGAL.md, Danish law)', { verdict: 'approve' })],
      },
    },
  },
  {
    name: 'an authority’s planning with Region Sjælland’s records goes under § 47, not § 46, and is held for a caseworker',
    covers: 'EPJ for statistics or planning by an authority: sundhedsloven § 47 [check], abstain',
    on: BEFORE_EHDS,
    application: application({
      title: 'Capacity for RSV vaccination of older adults',
      purpose: 'Planning of RSV vaccination capacity: how many older adults with chronic lung disease are treated at the region’s hospitals each season.',
      purposeCategory: 'policy_regulation',
      applicant: applicant(REAL.statensSerumInstitut, 'Lars Bech', 'lbe@ssi.dk'),
      safeguards: EPJ_SAFEGUARDS,
      processingEnvironment: 'national_platform',
      dataRequests: [request('epj-region-sjaelland', { population: 'Patients over 60 with COPD or asthma treated 2020–2025' })],
    }),
    expect: {
      'epj-region-sjaelland': {
        track: COLLABORATIVE,
        verdict: abstain('§ 46 covers a specific research project only; statistics or planning by an authority go under sundhedsloven § 47, marked [check] — so warn or abstain, never deny (LEGAL.md, Danish law)'),
        cites: [finding(SUL_47, 'sundhedsloven § 47 [check] (LEGAL.md, Danish law)', { verdict: ['approve', 'abstain'] })],
        notCited: [{ provision: SUL_46_1, because: '§ 46 stk. 1 is for an approved research project, which this is not (LEGAL.md, Danish law)' }],
      },
    },
  },
  {
    name: 'prospective record data for a VEK-approved project are approved on the § 46 stk. 1 route',
    covers: 'prospective EPJ data with an approved notifiable project: approve (prospective abstains only on § 46 stk. 2)',
    on: BEFORE_EHDS,
    application: application({
      title: 'Sepsis bundle follow-up',
      purpose: 'To follow patients treated under a new sepsis bundle for 28-day mortality, including admissions during the project period.',
      ethicsApproval: { committee: 'VEK', reference: '1-10-72-88-27', status: 'approved' },
      safeguards: EPJ_SAFEGUARDS,
      processingEnvironment: 'national_platform',
      dataRequests: [request('epj-region-midtjylland', { population: 'Adults treated for sepsis 2027–2029', period: { start: '2027-04-01', end: '2029-06-30' }, prospective: true })],
    }),
    expect: {
      'epj-region-midtjylland': {
        track: COLLABORATIVE,
        verdict: approve('prospective record data abstain only on the § 46 stk. 2 route; an approved project on § 46 stk. 1 may have them (LEGAL.md, Danish law; issue 10, ethics)'),
        cites: [finding(SUL_46_1, SUL_46_1_ROUTE, { verdict: 'approve' })],
      },
    },
  },
  {
    name: 'prospective record data without ethics approval are held for a caseworker on the § 46 stk. 2 route',
    covers: 'prospective EPJ data on the § 46 stk. 2 route: abstain [check]',
    on: BEFORE_EHDS,
    application: application({
      title: 'Falls among hospitalised older adults',
      purpose: 'To register falls among hospitalised older adults during the coming two years and relate them to medication.',
      applicant: applicant(REAL.syddanskUniversitet, 'Maja Thomsen', 'mthomsen@health.sdu.dk'),
      safeguards: EPJ_SAFEGUARDS,
      processingEnvironment: 'national_platform',
      dataRequests: [request('epj-region-syddanmark', { population: 'Inpatients over 70', period: { start: '2027-04-01', end: '2029-03-31' }, prospective: true })],
    }),
    expect: {
      'epj-region-syddanmark': {
        track: COLLABORATIVE,
        verdict: abstain('prospective record data only exceptionally, on the § 46 stk. 2 route [check] — abstain, never deny (LEGAL.md, Danish law)'),
        cites: [finding(SUL_46_2, SUL_46_2_ROUTE)],
      },
    },
  },
];
