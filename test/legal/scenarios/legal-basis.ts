import { abstain, applicant, application, approve, deny, finding, PROJECT_AFTER_EHDS, request } from '../build';
import { Scenario } from '../model';
import { FICTIONAL, REAL } from '../organisations';
import { AFTER_EHDS, BEFORE_EHDS, CENTRAL, DBL_10, EHDS_53 } from '../provisions';

const DBL_10_RESEARCH = 'research and statistics on register data rest on dbl § 10 (stk. 1: significant societal importance and necessary) (LEGAL.md, Danish law; issue 10, purpose to Danish legal basis)';
const NO_DANISH_BASIS = 'register microdata for this purpose have no Danish basis today: dbl § 10 covers statistical and scientific studies only; the screening abstains and names the basis that is missing (issue 10, purpose to Danish legal basis)';
const PUBLIC_BODIES_ONLY = 'EHDS art. 53(1)(a)–(c) are for public-sector bodies and the third parties they mandate (LEGAL.md, EHDS: TEHDAS2 guideline); a caseworker must establish a mandate, so abstain';

/** Which Danish basis a purpose rests on for register data (the patient-record routes are in patient-records.ts). */
export const legalBasis: Scenario[] = [
  {
    name: 'a university’s register research rests on dbl § 10 and is approved',
    covers: 'art. 53(1)(e) research by a public research body: approve, citing dbl § 10',
    on: BEFORE_EHDS,
    application: application({
      dataRequests: [request('lpr', { population: 'Adults with a first stroke (ICD-10 I61, I63) 2015–2025' })],
    }),
    expect: {
      lpr: { track: CENTRAL, verdict: approve(DBL_10_RESEARCH), cites: [finding(DBL_10, DBL_10_RESEARCH, { verdict: 'approve' })] },
    },
  },
  {
    name: 'official statistics by Danmarks Statistik rest on dbl § 10 and are approved',
    covers: 'art. 53(1)(c) official statistics by a public authority: approve, citing dbl § 10',
    on: BEFORE_EHDS,
    application: application({
      title: 'Hospital admissions by municipality and education',
      purpose: 'Official statistics on hospital admissions by municipality and highest completed education, published as tables.',
      purposeCategory: 'official_statistics',
      applicant: applicant(REAL.danmarksStatistik, 'Karen Mortensen', 'kmo@dst.dk'),
      processingEnvironment: 'dst_research_machine',
      dataRequests: [request('lpr', { population: 'All admissions of residents 2020–2025', necessity: 'The statistics count admissions per municipality and year; diagnosis and dates give the counts.' })],
    }),
    expect: {
      lpr: { track: CENTRAL, verdict: approve(DBL_10_RESEARCH), cites: [finding(DBL_10, DBL_10_RESEARCH, { verdict: 'approve' })] },
    },
  },
  {
    name: 'Statens Serum Institut’s statistical surveillance of influenza admissions and deaths is approved',
    covers: 'art. 53(1)(a) public health by a public authority: approve, citing dbl § 10',
    on: BEFORE_EHDS,
    application: application({
      title: 'Influenza-related admissions and deaths',
      purpose: 'A statistical study of influenza-related hospital admissions and deaths per season, to plan vaccination programmes.',
      purposeCategory: 'public_health',
      applicant: applicant(REAL.statensSerumInstitut, 'Lars Bech', 'lbe@ssi.dk'),
      dataRequests: [
        request('lpr', { population: 'Admissions with an influenza diagnosis (ICD-10 J09–J11) 2010–2025' }),
        request('dar', { population: 'Deaths with influenza as a cause 2010–2025' }),
      ],
    }),
    expect: {
      lpr: { track: CENTRAL, verdict: approve(DBL_10_RESEARCH), cites: [finding(DBL_10, DBL_10_RESEARCH, { verdict: 'approve' })] },
      dar: { track: CENTRAL, verdict: approve(DBL_10_RESEARCH) },
    },
  },
  {
    name: 'register microdata for a university course have no Danish basis and are held for a caseworker',
    covers: 'art. 53(1)(d) education on register microdata, before 2029: abstain, naming dbl § 10 as the basis missing',
    on: BEFORE_EHDS,
    application: application({
      title: 'Register epidemiology course',
      purpose: 'Teaching: master’s students practise register-based epidemiology on real hospital data during a twelve-week course.',
      purposeCategory: 'education',
      applicant: applicant(REAL.koebenhavnsUniversitet, 'Anne Holst', 'aholst@sund.ku.dk'),
      dataRequests: [request('lpr', { population: 'A sample of 10,000 adults with a hospital contact in 2024' })],
    }),
    expect: { lpr: { track: CENTRAL, verdict: abstain(NO_DANISH_BASIS), cites: [finding(DBL_10, NO_DANISH_BASIS, { verdict: 'abstain' })] } },
  },
  {
    name: 'a region’s care improvement with Cancer Registry microdata has no Danish basis and is held for a caseworker',
    covers: 'art. 53(1)(f) care improvement on register microdata, before 2029: abstain, naming dbl § 10',
    on: BEFORE_EHDS,
    application: application({
      title: 'Faster diagnosis of lung cancer',
      purpose: 'To improve the diagnostic pathway for lung cancer at the region’s hospitals by following each patient’s time from referral to diagnosis.',
      purposeCategory: 'care_improvement',
      applicant: applicant(REAL.regionHovedstaden, 'Birgitte Krag', 'birgitte.krag@regionh.dk'),
      dataRequests: [request('cancer', { population: 'Residents of the region diagnosed with lung cancer (ICD-10 C34) 2020–2025' })],
    }),
    expect: { cancer: { track: CENTRAL, verdict: abstain(NO_DANISH_BASIS), cites: [finding(DBL_10, NO_DANISH_BASIS, { verdict: 'abstain' })] } },
  },
  {
    name: 'a study not of significant societal importance is denied Lægemiddelstatistikregisteret data under dbl § 10',
    covers: 'no significant societal importance declared: deny on dbl § 10 stk. 1 (LMDB only for such studies)',
    on: BEFORE_EHDS,
    application: application({
      title: 'Seasonal sales of antihistamines',
      purpose: 'A descriptive study of seasonal variation in antihistamine prescriptions for a student thesis.',
      applicant: applicant(REAL.aalborgUniversitet, 'Emil Skov', 'es@dcm.aau.dk'),
      declarations: { noProhibitedUse: true, noReidentification: true, significantSocietalImportance: false, noStigmatisation: true },
      dataRequests: [request('lmdb', { population: 'Prescriptions of antihistamines (ATC R06) 2015–2025' })],
    }),
    expect: {
      lmdb: {
        track: CENTRAL,
        verdict: deny('dbl § 10 stk. 1 allows sensitive data for research only when of significant societal importance; Lægemiddelstatistikregisteret only for such studies (LEGAL.md, Danish law)'),
        cites: [finding(DBL_10, 'dbl § 10 stk. 1: significant societal importance (LEGAL.md, Danish law)', { verdict: 'deny' })],
      },
    },
  },
  {
    name: 'a non-profit think tank’s policy analysis is held for a caseworker: art. 53(1)(b) is for public bodies (from 26 March 2029)',
    covers: 'art. 53(1)(b) policy and regulation by a non-profit, after 2029: abstain on EHDS art. 53',
    on: AFTER_EHDS,
    application: application({
      title: 'Waiting times and private health insurance',
      purpose: 'Analysis for a policy proposal on hospital waiting times and the use of private health insurance, to advise Parliament.',
      purposeCategory: 'policy_regulation',
      applicant: applicant(FICTIONAL.healthThinkTank, 'Thomas Dahl', 'td@sundhedogsamfund.dk'),
      projectPeriod: PROJECT_AFTER_EHDS,
      dataRequests: [request('lpr', { population: 'Elective admissions 2020–2025' })],
    }),
    expect: { lpr: { track: CENTRAL, verdict: abstain(PUBLIC_BODIES_ONLY), cites: [finding(EHDS_53, PUBLIC_BODIES_ONLY, { verdict: 'abstain' })] } },
  },
  {
    name: 'a consultancy’s “official statistics” on medicine use are held for a caseworker: art. 53(1)(c) is for public bodies (from 26 March 2029)',
    covers: 'art. 53(1)(c) official statistics by a private company, after 2029: abstain on EHDS art. 53',
    on: AFTER_EHDS,
    application: application({
      title: 'Statistics on antidepressant use',
      purpose: 'Statistics on antidepressant use by region and age, sold as a report series to pharmaceutical clients.',
      purposeCategory: 'official_statistics',
      applicant: applicant(FICTIONAL.statisticsConsultancy, 'Nina Lauridsen', 'nl@sundhedsstatistik.dk'),
      projectPeriod: PROJECT_AFTER_EHDS,
      dataRequests: [request('lmdb', { population: 'Prescriptions of antidepressants (ATC N06A) 2015–2025' })],
    }),
    expect: { lmdb: { track: CENTRAL, verdict: abstain(PUBLIC_BODIES_ONLY), cites: [finding(EHDS_53, PUBLIC_BODIES_ONLY, { verdict: 'abstain' })] } },
  },
];
