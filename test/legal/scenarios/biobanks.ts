import { abstain, applicant, application, approve, deny, finding, matter, PROJECT_AFTER_EHDS, request, researcher } from '../build';
import { Scenario } from '../model';
import { FICTIONAL, FOREIGN, REAL } from '../organisations';
import { AFTER_EHDS, BEFORE_EHDS, COLLABORATIVE, DBL_10_3_1, DBL_10_3_2, DNB_PARTNER_POLICY, GDPR_CH_V, KOMITEL_14 } from '../provisions';

const MATERIAL_PERMISSION = matter('datatilsynet_permission', DBL_10_3_2, 'dbl § 10 stk. 3 nr. 2: Datatilsynet’s prior permission when biological material is disclosed (LEGAL.md, Danish law)');
const CONTROLLER_OF_ITS_COPY = matter(
  'controller_roles',
  undefined,
  'material leaves the biobank for an organisation that becomes controller of it, or a foreign party takes part: data-sharing or joint-controller arrangement, GDPR art. 26 (LEGAL.md; issue 10, companies and foreign organisations)',
);
const BIOBANK_SAFEGUARDS = 'Samples analysed in the applicant’s accredited laboratory; results linked on pseudonymised identifiers in a secure analysis environment; remaining material returned or destroyed at the end of the project.';
const APPROVED_PROJECT = 'the project is approved by a research ethics committee, as komitéloven § 14 requires for human biological material (LEGAL.md, Danish law)';

/** Biobanks: ethics approval for biological material, Datatilsynet's permission, the National Biobank's partner policy. */
export const biobanks: Scenario[] = [
  {
    name: 'biological material from the National Biobank without ethics approval is denied under komitéloven § 14',
    covers: 'biological material without an approved notifiable project: deny on komitéloven § 14; Datatilsynet permission (nr. 2)',
    on: BEFORE_EHDS,
    application: application({
      title: 'Vitamin D in neonatal blood spots and later multiple sclerosis',
      purpose: 'To measure vitamin D in neonatal dried blood spots and relate it to later multiple sclerosis.',
      applicant: applicant(REAL.koebenhavnsUniversitet, 'Anne Holst', 'aholst@sund.ku.dk'),
      safeguards: BIOBANK_SAFEGUARDS,
      processingEnvironment: 'national_platform',
      dataRequests: [request('biobank-dnb', { population: 'Neonatal blood spots of persons born 1981–2000 later diagnosed with multiple sclerosis, and controls', biologicalMaterial: true })],
    }),
    expect: {
      'biobank-dnb': {
        track: COLLABORATIVE,
        verdict: deny('komitéloven § 14: health-science research with human biological material must be notified to and approved by a research ethics committee (LEGAL.md, Danish law)'),
        cites: [finding(KOMITEL_14, 'komitéloven § 14 [verified] (LEGAL.md)', { verdict: 'deny' })],
        legalMatters: [MATERIAL_PERMISSION],
      },
    },
  },
  {
    name: 'whole-genome sequencing of National Biobank samples approved only by a regional committee is held for a caseworker',
    covers: 'comprehensive genome data: the competent committee is NVK (komitéloven § 14) [check]: abstain, not deny',
    on: BEFORE_EHDS,
    application: application({
      title: 'Whole-genome sequencing in childhood epilepsy',
      purpose: 'To sequence the whole genome of stored neonatal blood spots from children later diagnosed with epilepsy, to find causal variants.',
      applicant: applicant(REAL.aarhusUniversitet, 'Mette Jensen', 'mette.jensen@au.dk'),
      ethicsApproval: { committee: 'VEK', reference: '1-10-72-301-26', status: 'approved' },
      safeguards: BIOBANK_SAFEGUARDS,
      processingEnvironment: 'national_platform',
      dataRequests: [request('biobank-dnb', { population: 'Neonatal blood spots of children diagnosed with epilepsy before age 5, born 2000–2020', biologicalMaterial: true, genomeData: true })],
    }),
    expect: {
      'biobank-dnb': {
        track: COLLABORATIVE,
        verdict: abstain('comprehensive genome mapping is notified to the national committee, NVK (LEGAL.md, komitéloven § 14): the caseworker checks that the competent committee approved it'),
        cites: [finding(KOMITEL_14, 'komitéloven § 14: comprehensive genome mapping to the national committee, NVK (LEGAL.md)', { verdict: 'abstain' })],
        legalMatters: [MATERIAL_PERMISSION],
      },
    },
  },
  {
    name: 'a company without a Danish partner gets material from Region Hovedstaden’s biobank: the National Biobank’s partner policy does not apply',
    covers: 'DNB partner policy only for biobank-dnb: regional biobank, private company, no partner: approve; Datatilsynet permission + controller roles',
    on: BEFORE_EHDS,
    application: application({
      title: 'Inflammatory markers in depression',
      purpose: 'To measure inflammatory markers in stored serum from patients with depression and relate them to treatment response.',
      applicant: applicant(REAL.lundbeck, 'Henrik Toft', 'hto@lundbeck.com'),
      ethicsApproval: { committee: 'VEK', reference: 'H-26012345', status: 'approved' },
      safeguards: BIOBANK_SAFEGUARDS,
      processingEnvironment: 'national_platform',
      dataRequests: [request('biobank-region-hovedstaden', { population: 'Serum samples of adults treated for depression 2015–2024', biologicalMaterial: true })],
    }),
    expect: {
      'biobank-region-hovedstaden': {
        track: COLLABORATIVE,
        verdict: approve(APPROVED_PROJECT),
        notCited: [{ provision: DNB_PARTNER_POLICY, because: 'the Danish National Biobank’s partner policy applies to biobank-dnb only; each biobank cites its own terms (issue 10, biobanks)' }],
        legalMatters: [MATERIAL_PERMISSION, CONTROLLER_OF_ITS_COPY],
        notLegalMatters: [matter(undefined, 'GDPR art. 28', 'the company is controller of the material it receives, not a processor: GDPR art. 28 agreements are for processors (LEGAL.md, GDPR art. 26 paragraph)')],
      },
    },
  },
  {
    name: 'a company without a Danish partner is denied material from the National Biobank',
    covers: 'DNB partner policy: private company without a Danish public or non-commercial partner: deny',
    on: BEFORE_EHDS,
    application: application({
      title: 'Neurofilament light chain in stored plasma',
      purpose: 'To validate a neurofilament assay in stored plasma from persons later diagnosed with dementia.',
      applicant: applicant(FICTIONAL.neuroDiagnostics, 'Peter Krogh', 'pk@neurodiagnostik.dk'),
      ethicsApproval: { committee: 'VEK', reference: 'H-26019876', status: 'approved' },
      safeguards: BIOBANK_SAFEGUARDS,
      processingEnvironment: 'national_platform',
      dataRequests: [request('biobank-dnb', { population: 'Plasma samples of persons later diagnosed with dementia, and controls', biologicalMaterial: true })],
    }),
    expect: {
      'biobank-dnb': {
        track: COLLABORATIVE,
        verdict: deny('Danish National Biobank: companies and foreign researchers only with a Danish public or established non-commercial partner [verified] (LEGAL.md, Danish law)'),
        cites: [finding(DNB_PARTNER_POLICY, 'the National Biobank’s partner policy (LEGAL.md)', { verdict: 'deny' })],
        legalMatters: [MATERIAL_PERMISSION],
      },
    },
  },
  {
    name: 'a Swedish university with a Danish university partner gets National Biobank material: no transfer, approved (from 26 March 2029)',
    covers: 'foreign (SE) researchers with a Danish public partner on biobank-dnb: approve; Datatilsynet permission nr. 2 but not nr. 1; controller roles',
    on: AFTER_EHDS,
    application: application({
      title: 'Prenatal infections and childhood leukaemia',
      purpose: 'To measure markers of prenatal infection in neonatal blood spots and relate them to childhood leukaemia in Denmark and Sweden.',
      applicant: applicant(FOREIGN.karolinska, 'Anna Lindqvist', 'anna.lindqvist@ki.se'),
      danishPartner: { name: 'Københavns Universitet', cvr: '29979812', sector: 'public_research' },
      researchers: [
        researcher('Anna Lindqvist', 'anna.lindqvist@ki.se', 'Karolinska Institutet', 'SE'),
        researcher('Anne Holst', 'aholst@sund.ku.dk', 'Københavns Universitet', 'DK'),
      ],
      ethicsApproval: { committee: 'VEK', reference: 'H-29004567', status: 'approved' },
      safeguards: BIOBANK_SAFEGUARDS,
      processingEnvironment: 'national_platform',
      projectPeriod: PROJECT_AFTER_EHDS,
      dataRequests: [request('biobank-dnb', { population: 'Neonatal blood spots of children later diagnosed with leukaemia, and controls', biologicalMaterial: true })],
    }),
    expect: {
      'biobank-dnb': {
        track: COLLABORATIVE,
        verdict: approve(`${APPROVED_PROJECT}; the foreign researchers have a Danish public partner (National Biobank policy)`),
        legalMatters: [MATERIAL_PERMISSION, CONTROLLER_OF_ITS_COPY],
        notLegalMatters: [
          matter(undefined, DBL_10_3_1, 'Sweden is a member state: the material stays within the GDPR’s territorial scope (LEGAL.md, dbl § 10 stk. 3 nr. 1)'),
          matter(undefined, GDPR_CH_V, 'an EU/EEA country is never a third country (LEGAL.md, GDPR chapter V)'),
        ],
      },
    },
  },
];
