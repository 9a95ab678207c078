import { abstain, applicant, application, deny, finding, matter, PROJECT_AFTER_EHDS, request, researcher, SAFEGUARDS_RESEARCH_MACHINE } from '../build';
import { MatterExpectation, Scenario } from '../model';
import { FICTIONAL, FOREIGN, REAL } from '../organisations';
import { AFTER_EHDS, BEFORE_EHDS, CENTRAL, DBL_10_3_1, GDPR_CH_V, SDS_RESEARCH_SERVICE } from '../provisions';

const PER_PROJECT = 'Sundhedsdatastyrelsen authorises private organisations per project only, which a caseworker grants (LEGAL.md, Danish law: research service)';
const CONTROLLER_OF_ITS_COPY = matter(
  'controller_roles',
  undefined,
  'an organisation that becomes controller of its own copy, or a foreign party, needs a data-sharing or joint-controller arrangement (GDPR art. 26) (LEGAL.md, GDPR art. 26; issue 10, companies and foreign organisations)',
);
const PROCESSOR_ONLY = 'a company that is controller of its copy is not a processor: a data processing agreement (GDPR art. 28) is for processors (LEGAL.md, GDPR art. 26 paragraph)';
const NOT_A_PROCESSOR: MatterExpectation[] = [matter('data_processing_agreement', undefined, PROCESSOR_ONLY), matter(undefined, 'GDPR art. 28', PROCESSOR_ONLY)];
const INSIDE_EU: MatterExpectation[] = [
  matter(undefined, GDPR_CH_V, 'the applicant is established in a member state: no third country (LEGAL.md, GDPR chapter V)'),
  matter(undefined, DBL_10_3_1, 'the data stay within the GDPR’s territorial scope (LEGAL.md, dbl § 10 stk. 3 nr. 1)'),
];

/** Companies and foreign organisations: authorisation, controller roles (GDPR art. 26), the Danish partner. */
export const companies: Scenario[] = [
  {
    name: 'a Danish pharmaceutical company on the research machine needs a project-specific authorisation',
    covers: 'Danish private company, data stay on the research machine: abstain (per-project authorisation); no data processing agreement',
    on: BEFORE_EHDS,
    application: application({
      title: 'GLP-1 receptor agonists and later use of antidepressants',
      purpose: 'To study whether treatment with GLP-1 receptor agonists is followed by changes in antidepressant use, as part of post-authorisation safety research.',
      applicant: applicant(REAL.novoNordisk, 'Katrine Lind', 'kali@novonordisk.com'),
      dataRequests: [request('lmdb', { population: 'Adults redeeming GLP-1 receptor agonists (ATC A10BJ) 2015–2025' })],
    }),
    expect: {
      lmdb: {
        track: CENTRAL,
        verdict: abstain(PER_PROJECT),
        cites: [finding(SDS_RESEARCH_SERVICE, PER_PROJECT, { verdict: 'abstain' })],
        notLegalMatters: NOT_A_PROCESSOR,
      },
    },
  },
  {
    name: 'a Danish AI company training a model on its own servers becomes controller of its copy (from 26 March 2029)',
    covers: 'Danish private company processing outside the environment (AI training, art. 53(1)(e)): controller roles, no DPA; abstain on the technical need',
    on: AFTER_EHDS,
    application: application({
      title: 'Predicting interval breast cancer',
      purpose: 'Training and testing an AI model that predicts interval breast cancer after a normal screening mammogram (scientific research incl. AI training, EHDS art. 53(1)(e)).',
      applicant: applicant(FICTIONAL.imagingAi, 'Sofie Bang', 'sofie@mammavision.ai'),
      projectPeriod: PROJECT_AFTER_EHDS,
      processingEnvironment: 'other',
      technicalNeed: 'Model training needs a GPU cluster the research machine does not offer; the company’s ISO 27001-certified cluster in Copenhagen is used.',
      safeguards: 'ISO 27001-certified GPU cluster in Denmark; access for the named researchers only; pseudonymised data; model weights checked for memorisation before release.',
      dataRequests: [request('cancer', { population: 'Women aged 50–69 with breast cancer (ICD-10 C50) 2010–2025' })],
    }),
    expect: {
      cancer: {
        track: CENTRAL,
        verdict: abstain('data stay on the research machine unless a documented technical need, which a caseworker assesses (LEGAL.md, Danish law: research service)'),
        cites: [finding(SDS_RESEARCH_SERVICE, 'the research machine unless a documented technical need (LEGAL.md, research service)', { verdict: 'abstain' })],
        legalMatters: [CONTROLLER_OF_ITS_COPY],
        notLegalMatters: NOT_A_PROCESSOR,
      },
    },
  },
  {
    name: 'a German pharmaceutical company working through a Danish partner needs controller roles settled but no transfer permission',
    covers: 'foreign (DE, EU) private company with a Danish partner: controller roles; no transfer matters; abstain (per-project authorisation)',
    on: BEFORE_EHDS,
    application: application({
      title: 'Anticoagulant switching in atrial fibrillation',
      purpose: 'To describe switching between oral anticoagulants in atrial fibrillation and the bleeding events that follow.',
      applicant: applicant(FOREIGN.germanPharma, 'Julia Schneider', 'j.schneider@rheinland-pharma.de'),
      danishPartner: { name: 'Aarhus Universitet', cvr: '31119103', sector: 'public_research' },
      researchers: [
        researcher('Julia Schneider', 'j.schneider@rheinland-pharma.de', 'Rheinland Pharma Forschung GmbH', 'DE'),
        researcher('Mette Jensen', 'mette.jensen@au.dk', 'Aarhus Universitet', 'DK'),
      ],
      safeguards: SAFEGUARDS_RESEARCH_MACHINE,
      dataRequests: [request('lmdb', { population: 'Adults redeeming oral anticoagulants (ATC B01AA, B01AE, B01AF) 2012–2025' })],
    }),
    expect: {
      lmdb: {
        track: CENTRAL,
        verdict: abstain(PER_PROJECT),
        legalMatters: [CONTROLLER_OF_ITS_COPY],
        notLegalMatters: [...INSIDE_EU, ...NOT_A_PROCESSOR],
      },
    },
  },
  {
    name: 'a Swedish university without a Danish partner is denied register data: foreign institutions are not authorised',
    covers: 'foreign (SE) public research body without a Danish partner on a national register: deny; no transfer matters',
    on: BEFORE_EHDS,
    application: application({
      title: 'Childhood leukaemia in the Nordic countries',
      purpose: 'To compare incidence of childhood leukaemia in Sweden and Denmark.',
      applicant: applicant(FOREIGN.karolinska, 'Anna Lindqvist', 'anna.lindqvist@ki.se'),
      dataRequests: [request('lpr', { population: 'Children aged 0–14 with leukaemia (ICD-10 C91–C95) 2000–2025' })],
    }),
    expect: {
      lpr: {
        track: CENTRAL,
        verdict: deny('foreign institutions are not authorised; foreign researchers work through a Danish authorised environment (LEGAL.md, Danish law: research service)'),
        cites: [finding(SDS_RESEARCH_SERVICE, 'foreign institutions are not authorised (LEGAL.md, research service)', { verdict: 'deny' })],
        notLegalMatters: INSIDE_EU,
      },
    },
  },
];
