import { abstain, applicant, application, approve, matter, PROJECT_AFTER_EHDS, request, researcher } from '../build';
import { MatterExpectation, Scenario } from '../model';
import { FOREIGN, REAL } from '../organisations';
import { AFTER_EHDS, BEFORE_EHDS, CENTRAL, DBL_10_3_1, GDPR_CH_V } from '../provisions';

const TRANSFER_ABSTAINS = 'personal data leaving the EU/EEA (an applicant established there, a declared transfer, or remote access from there) need a transfer tool and Datatilsynet’s permission before a decision: the sub-case abstains (LEGAL.md, GDPR chapter V and dbl § 10 stk. 3 nr. 1; issue 10, transfers)';
const TRANSFER_MATTERS: MatterExpectation[] = [
  matter(undefined, GDPR_CH_V, 'a transfer outside the EU/EEA needs a transfer tool: adequacy (art. 45), appropriate safeguards (art. 46) or a derogation (art. 49) (LEGAL.md, GDPR chapter V)'),
  matter('datatilsynet_permission', DBL_10_3_1, 'dbl § 10 stk. 3 nr. 1: Datatilsynet’s prior permission when the data go outside the GDPR’s territorial scope (LEGAL.md, Danish law)'),
];
const NO_TRANSFER_MATTERS: MatterExpectation[] = [
  matter(undefined, GDPR_CH_V, 'an EU/EEA country is never a third country (LEGAL.md, GDPR chapter V: the 27 member states, EL for Greece, and IS, LI, NO)'),
  matter(undefined, DBL_10_3_1, 'the data stay within the GDPR’s territorial scope, so dbl § 10 stk. 3 nr. 1 does not apply (LEGAL.md, Danish law)'),
];
const JOINT_CONTROLLERS = matter(
  'controller_roles',
  undefined,
  'a foreign organisation that decides purposes and means with its Danish partner needs a joint-controller or data-sharing arrangement (GDPR art. 26), not a data processing agreement (LEGAL.md, GDPR art. 26; issue 10, companies and foreign organisations)',
);

const KU_PARTNER = { name: 'Københavns Universitet', cvr: '29979812', sector: 'public_research' as const };
const AU_PARTNER = { name: 'Aarhus Universitet', cvr: '31119103', sector: 'public_research' as const };

/** Third-country transfers (GDPR chapter V; dbl § 10 stk. 3 nr. 1) — and EU/EEA countries, which never are. */
export const transfers: Scenario[] = [
  {
    name: 'a US school of public health with a Danish partner triggers a transfer tool and Datatilsynet’s permission',
    covers: 'applicant established outside the EU/EEA (US, non-profit): two transfer matters + controller roles; abstain',
    on: BEFORE_EHDS,
    application: application({
      title: 'Social inequality in heart failure survival',
      purpose: 'To compare survival after heart failure by socioeconomic position in Denmark and the United States.',
      applicant: applicant(FOREIGN.harvardChan, 'Emily Carter', 'ecarter@hsph.harvard.edu'),
      danishPartner: KU_PARTNER,
      researchers: [
        researcher('Emily Carter', 'ecarter@hsph.harvard.edu', 'Harvard T.H. Chan School of Public Health', 'US'),
        researcher('Peter Sand', 'psand@sund.ku.dk', 'Københavns Universitet', 'DK'),
      ],
      dataRequests: [request('lpr', { population: 'Adults with a first heart failure diagnosis (ICD-10 I50) 2010–2025' })],
    }),
    expect: {
      lpr: { track: CENTRAL, verdict: abstain(TRANSFER_ABSTAINS), legalMatters: [...TRANSFER_MATTERS, JOINT_CONTROLLERS] },
    },
  },
  {
    name: 'a Danish university declaring a transfer of pseudonymised data to a US consortium triggers both transfer matters (from 26 March 2029)',
    covers: 'declared third-country transfer (US) after 2029: two transfer matters; abstain',
    on: AFTER_EHDS,
    application: application({
      title: 'International pooling of breast cancer survival',
      purpose: 'Pooled analysis of breast cancer survival across national cancer registries in an international consortium.',
      projectPeriod: PROJECT_AFTER_EHDS,
      processingEnvironment: 'other',
      technicalNeed: 'The pooled analysis runs on the consortium coordinating centre’s secure server in Boston; national data are sent there pseudonymised.',
      thirdCountryTransfer: { country: 'US' },
      dataRequests: [request('cancer', { population: 'Women diagnosed with breast cancer (ICD-10 C50) 2005–2020' })],
    }),
    expect: { cancer: { track: CENTRAL, verdict: abstain(TRANSFER_ABSTAINS), legalMatters: TRANSFER_MATTERS } },
  },
  {
    name: 'a named researcher accessing the research machine from London is a transfer',
    covers: 'researcher accessing from a third country (GB, adequacy): two transfer matters; abstain',
    on: BEFORE_EHDS,
    application: application({
      title: 'Statin adherence after myocardial infarction',
      purpose: 'To study adherence to statins after myocardial infarction and its relation to recurrent events.',
      applicant: applicant(REAL.syddanskUniversitet, 'Jonas Krogh', 'jkrogh@health.sdu.dk'),
      researchers: [
        researcher('Jonas Krogh', 'jkrogh@health.sdu.dk', 'Syddansk Universitet', 'DK'),
        researcher('Oliver Hughes', 'oliver.hughes@lshtm.ac.uk', 'London School of Hygiene & Tropical Medicine', 'GB'),
      ],
      dataRequests: [request('lmdb', { population: 'Adults redeeming statins (ATC C10AA) after a myocardial infarction 2012–2025' })],
    }),
    expect: { lmdb: { track: CENTRAL, verdict: abstain(TRANSFER_ABSTAINS), legalMatters: TRANSFER_MATTERS } },
  },
  {
    name: 'a Greek university (EL) working through a Danish partner is no transfer and is approved (from 26 March 2029)',
    covers: 'EU applicant given as EL (Greece): no transfer matters; controller roles; approve',
    on: AFTER_EHDS,
    application: application({
      title: 'Heat waves and cardiovascular deaths',
      purpose: 'To study cardiovascular mortality during heat waves in Denmark and Greece, to plan heat-health warnings.',
      applicant: applicant(FOREIGN.athens, 'Eleni Papadopoulou', 'epapad@med.uoa.gr'),
      danishPartner: AU_PARTNER,
      researchers: [
        researcher('Eleni Papadopoulou', 'epapad@med.uoa.gr', 'National and Kapodistrian University of Athens', 'EL'),
        researcher('Mette Jensen', 'mette.jensen@au.dk', 'Aarhus Universitet', 'DK'),
      ],
      projectPeriod: PROJECT_AFTER_EHDS,
      dataRequests: [request('dar', { population: 'All deaths from cardiovascular causes (ICD-10 I00–I99) 2000–2025' })],
    }),
    expect: {
      dar: {
        track: CENTRAL,
        verdict: approve('research by an EU university through an authorised Danish environment; Greece is a member state, so no transfer (LEGAL.md, GDPR chapter V; Sundhedsdatastyrelsen research service)'),
        legalMatters: [JOINT_CONTROLLERS],
        notLegalMatters: NO_TRANSFER_MATTERS,
      },
    },
  },
  {
    name: 'researchers accessing from Norway and Iceland, and a declared transfer to Norway, are no third-country transfer and are approved',
    covers: 'EEA countries (NO, IS) for access and transfer: no transfer matters; approve',
    on: BEFORE_EHDS,
    application: application({
      title: 'Nordic comparison of hip fracture care',
      purpose: 'To compare one-year mortality after hip fracture across the Nordic countries, to improve orthogeriatric care.',
      applicant: applicant(REAL.koebenhavnsUniversitet, 'Peter Sand', 'psand@sund.ku.dk'),
      researchers: [
        researcher('Peter Sand', 'psand@sund.ku.dk', 'Københavns Universitet', 'DK'),
        researcher('Ingrid Haugen', 'ingrid.haugen@medisin.uio.no', 'Universitetet i Oslo', 'NO'),
        researcher('Guðrún Jónsdóttir', 'gudrunj@hi.is', 'Háskóli Íslands', 'IS'),
      ],
      thirdCountryTransfer: { country: 'NO' },
      dataRequests: [request('lpr', { population: 'Adults over 65 with a hip fracture (ICD-10 S72.0–S72.2) 2010–2025' })],
    }),
    expect: {
      lpr: {
        track: CENTRAL,
        verdict: approve('Norway and Iceland are EEA states: no third country, so neither a transfer tool nor Datatilsynet’s permission (LEGAL.md, GDPR chapter V)'),
        notLegalMatters: NO_TRANSFER_MATTERS,
      },
    },
  },
  {
    name: 'a Swiss company with a Danish partner triggers the transfer matters and controller roles (from 26 March 2029)',
    covers: 'private applicant established in a third country (CH): two transfer matters + controller roles; abstain',
    on: AFTER_EHDS,
    application: application({
      title: 'Treatment patterns in HER2-positive breast cancer',
      purpose: 'To describe treatment patterns and recurrence in HER2-positive breast cancer, to inform the design of a new diagnostic test.',
      applicant: applicant(FOREIGN.swissMedtech, 'Lukas Meier', 'lukas.meier@alpenoncology.ch'),
      danishPartner: AU_PARTNER,
      researchers: [
        researcher('Lukas Meier', 'lukas.meier@alpenoncology.ch', 'Alpen Oncology Analytics AG', 'CH'),
        researcher('Mette Jensen', 'mette.jensen@au.dk', 'Aarhus Universitet', 'DK'),
      ],
      projectPeriod: PROJECT_AFTER_EHDS,
      dataRequests: [request('rkkp-dbcg', { population: 'Women with HER2-positive breast cancer registered 2012–2025' })],
    }),
    expect: {
      'rkkp-dbcg': { track: CENTRAL, verdict: abstain(TRANSFER_ABSTAINS), legalMatters: [...TRANSFER_MATTERS, JOINT_CONTROLLERS] },
    },
  },
];
