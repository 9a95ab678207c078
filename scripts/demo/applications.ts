import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The applications of the demo day (issue 12): a realistic spread over the catalogue. Each names
 * what the case should end as, so the demo — and test/demo.heavy-spec.ts — can say whether it did.
 * Organisations are real Danish ones with their CVR numbers; the people are invented.
 */

export type Outcome = 'approved' | 'approved_with_conditions' | 'rejected';

export interface Applicant {
  sub: string;
  name: string;
  email: string;
  organisation: { name: string; cvr?: string; country: string; sector: 'public_research' | 'public_authority' | 'non_profit' | 'private' };
}

export interface DemoApplication {
  key: string;
  story: string;
  applicant: Applicant;
  content: Record<string, unknown>;
  /** The caseworker asks for a supplement; the researcher amends the application this way and answers. */
  supplement?: { questions: string[]; answers: string[]; amend: Record<string, unknown> };
  /** Regions the caseworker asks, beyond those the rules consult. */
  consult?: { region: string; question: string }[];
  /** The outcome per data source; the case ends decided with a permit when one is approved. */
  outcomes: Record<string, Outcome>;
  /** Left open on purpose, so the console has work to show: after screening (in the queue) or with a draft awaiting approval. */
  stopAfter?: 'screening' | 'draft';
}

const CATALOGUE: Record<string, string[]> = (() => {
  const dir = process.env.RULES_DIR || join(__dirname, '../../rules');
  return Object.fromEntries(
    readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => {
        const manifest = JSON.parse(readFileSync(join(dir, entry.name, 'manifest.json'), 'utf8')) as { dataSources: { id: string; catalogue?: { variables: { name: string }[] } }[] };
        return manifest.dataSources.map((source) => [source.id, (source.catalogue?.variables ?? []).map((v) => v.name)]);
      }),
  );
})();

/** Dates relative to today, so the demo never runs into its own past. */
const year = new Date().getUTCFullYear();
const PROJECT = { start: `${year + 1}-01-01`, end: `${year + 3}-12-31` };
const HISTORY = { start: `${year - 10}-01-01`, end: `${year - 1}-12-31` };

function request(dataSourceId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const variables = (CATALOGUE[dataSourceId] ?? []).slice(0, 4);
  return {
    dataSourceId,
    variables,
    population: 'Adults with the condition studied, identified in the source',
    period: HISTORY,
    biologicalMaterial: false,
    prospective: false,
    wholeRegister: false,
    necessity: `The variables ${variables.join(', ')} identify the population and the outcome; ten years give the follow-up the purpose needs.`,
    ...extra,
  };
}

function application(applicant: Applicant, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    purposeCategory: 'scientific_research',
    declarations: { noProhibitedUse: true, noReidentification: true, significantSocietalImportance: true, noStigmatisation: true },
    applicant: { name: applicant.name, email: applicant.email, organisation: applicant.organisation },
    researchers: [{ name: applicant.name, email: applicant.email, organisation: applicant.organisation.name, countryOfAccess: 'DK' }],
    legalBasis: { gdprArt6: 'art. 6(1)(e)', gdprArt9: 'art. 9(2)(j) with databeskyttelsesloven § 10' },
    consent: false,
    ethicsApproval: { committee: 'VEK', reference: `1-10-72-${100 + (applicant.sub.length % 50)}-${String(year).slice(2)}`, status: 'approved' },
    recordOfProcessing: { reference: `${applicant.organisation.name.slice(0, 3).toUpperCase()}-${year}-117`, controller: applicant.organisation.name, deletionDate: PROJECT.end },
    output: 'anonymised',
    processingEnvironment: 'sds_research_machine',
    safeguards: 'Analysis only on the research machine with two-factor login for the named researchers; only aggregated results with at least five persons per cell leave it.',
    projectPeriod: PROJECT,
    retentionUntil: PROJECT.end,
    ...fields,
  };
}

const AU = { name: 'Aarhus Universitet', cvr: '31119103', country: 'DK', sector: 'public_research' } as const;
const KU = { name: 'Københavns Universitet', cvr: '29979812', country: 'DK', sector: 'public_research' } as const;
const SDU = { name: 'Syddansk Universitet', cvr: '29283958', country: 'DK', sector: 'public_research' } as const;
const NOVO = { name: 'Novo Nordisk A/S', cvr: '24256790', country: 'DK', sector: 'private' } as const;
const AAU = { name: 'Aalborg Universitet', cvr: '29102384', country: 'DK', sector: 'public_research' } as const;
const KAROLINSKA = { name: 'Karolinska Institutet', country: 'SE', sector: 'public_research' } as const;

const people = {
  mette: { sub: 'r-1', name: 'Mette Jensen', email: 'mette.jensen@au.dk', organisation: AU },
  jonas: { sub: 'demo-r-jonas', name: 'Jonas Lind', email: 'jonas.lind@sund.ku.dk', organisation: KU },
  signe: { sub: 'demo-r-signe', name: 'Signe Bak', email: 'sbak@health.sdu.dk', organisation: SDU },
  peter: { sub: 'demo-r-peter', name: 'Peter Holst', email: 'pehl@novonordisk.com', organisation: NOVO },
  karin: { sub: 'demo-r-karin', name: 'Karin Eriksson', email: 'karin.eriksson@ki.se', organisation: KAROLINSKA },
  hanne: { sub: 'demo-r-hanne', name: 'Hanne Friis', email: 'hfr@hst.aau.dk', organisation: AAU },
} satisfies Record<string, Applicant>;

export const DEMO_APPLICATIONS: DemoApplication[] = [
  {
    key: 'stroke-registers',
    story: 'A university on national registers (LPR and the prescription register): central track, approved with conditions',
    applicant: people.mette,
    content: application(people.mette, {
      title: 'Long-term outcomes after stroke',
      purpose: 'To study mortality, readmission and secondary prevention in the five years after a first stroke, to improve rehabilitation.',
      dataRequests: [request('lpr'), request('lmdb')],
    }),
    outcomes: { lpr: 'approved_with_conditions', lmdb: 'approved_with_conditions' },
  },
  {
    key: 'causes-of-death',
    story: 'A university on the cause-of-death register: central track, approved',
    applicant: people.jonas,
    content: application(people.jonas, {
      title: 'Causes of death among people with type 2 diabetes',
      purpose: 'To describe how the causes of death among people with type 2 diabetes changed over ten years.',
      dataRequests: [request('dar')],
    }),
    outcomes: { dar: 'approved' },
  },
  {
    key: 'company-rkkp',
    story: 'A company on an RKKP clinical-quality database (breast cancer, DBCG)',
    applicant: people.peter,
    content: application(people.peter, {
      title: 'Treatment patterns in early breast cancer',
      purpose: 'To describe adjuvant treatment patterns in early breast cancer to plan a clinical trial of a new therapy.',
      legalBasis: { gdprArt6: 'art. 6(1)(f)', gdprArt9: 'art. 9(2)(j) with databeskyttelsesloven § 10' },
      dataRequests: [request('rkkp-dbcg')],
    }),
    outcomes: { 'rkkp-dbcg': 'approved_with_conditions' },
  },
  {
    key: 'multi-region-epj',
    story: 'A multi-region patient-record study (Region Midtjylland and Region Syddanmark): collaborative track, advisors consulted, each region decides',
    applicant: people.signe,
    content: application(people.signe, {
      title: 'Early warning scores and unplanned ICU admission',
      purpose: 'To study whether early warning scores recorded in the patient records predict unplanned admission to intensive care.',
      dataRequests: [request('epj-region-midtjylland'), request('epj-region-syddanmark')],
    }),
    consult: [{ region: 'region-syddanmark', question: 'Are early warning scores recorded in structured form in your patient records for the whole period?' }],
    outcomes: { 'epj-region-midtjylland': 'approved', 'epj-region-syddanmark': 'approved' },
  },
  {
    key: 'biobank-supplemented',
    story: 'A biobank study without ethics approval: a request for supplement, the approval added, then approved',
    applicant: people.hanne,
    content: application(people.hanne, {
      title: 'Inflammation markers before a cancer diagnosis',
      purpose: 'To study whether inflammation markers in stored blood samples are raised years before a cancer diagnosis.',
      ethicsApproval: undefined,
      dataRequests: [request('biobank-dnb', { biologicalMaterial: true, population: 'Blood donors later diagnosed with cancer, and matched controls' }), request('cancer')],
    }),
    supplement: {
      questions: ['Send the approval of the research ethics committee for the use of the biological material (komitéloven).', 'How many samples are needed, and of which type?'],
      answers: ['The regional committee approved the project; its reference is now in the application.', 'About 4,000 plasma samples.'],
      amend: { ethicsApproval: { committee: 'VEK', reference: `1-10-72-311-${String(year).slice(2)}`, status: 'approved' } },
    },
    outcomes: { 'biobank-dnb': 'approved_with_conditions', cancer: 'approved' },
  },
  {
    key: 'foreign-applicant',
    story: 'A foreign applicant (Karolinska Institutet) with a Danish partner on the cancer register',
    applicant: people.karin,
    content: application(people.karin, {
      title: 'Second primary cancers after childhood cancer in the Nordic countries',
      purpose: 'To compare the risk of a second primary cancer after childhood cancer across the Nordic countries.',
      researchers: [{ name: people.karin.name, email: people.karin.email, organisation: KAROLINSKA.name, countryOfAccess: 'SE' }],
      danishPartner: { name: KU.name, cvr: KU.cvr, sector: 'public_research' },
      dataRequests: [request('cancer')],
    }),
    outcomes: { cancer: 'approved_with_conditions' },
  },
  {
    key: 'capital-region-epj',
    story: 'Patient records of the Capital Region together with LPR: one sub-case on each track',
    applicant: people.jonas,
    content: application(people.jonas, {
      title: 'Delirium after hip fracture surgery',
      purpose: 'To study how often delirium follows hip fracture surgery and whether it predicts readmission.',
      dataRequests: [request('epj-region-hovedstaden'), request('lpr')],
    }),
    outcomes: { 'epj-region-hovedstaden': 'approved', lpr: 'approved' },
  },
  {
    key: 'pathology-refused',
    story: 'The whole RKKP pathology database for projects not yet decided: refused by the caseworker and the approver, departing from the screening with a recorded reason',
    applicant: people.signe,
    content: application(people.signe, {
      title: 'All pathology reports, for future projects',
      purpose: 'To build a local copy of the pathology database for research questions not yet decided.',
      dataRequests: [request('rkkp-dap', { wholeRegister: true, population: 'Everyone in the database', necessity: 'Future projects may need any of it.' })],
    }),
    outcomes: { 'rkkp-dap': 'rejected' },
  },
  {
    key: 'heart-failure-queued',
    story: 'Filed this afternoon: it waits, screened, in the caseworkers’ queue',
    applicant: people.mette,
    content: application(people.mette, {
      title: 'Heart failure medication after myocardial infarction',
      purpose: 'To study whether adherence to heart failure medication after a myocardial infarction reduces readmission.',
      dataRequests: [request('lmdb'), request('lpr')],
    }),
    outcomes: { lmdb: 'approved', lpr: 'approved' },
    stopAfter: 'screening',
  },
  {
    key: 'asthma-awaiting-approval',
    story: 'Drafted this afternoon: the draft decision waits for the legal approver (four eyes)',
    applicant: people.jonas,
    content: application(people.jonas, {
      title: 'Childhood asthma and later mental health',
      purpose: 'To study whether childhood asthma is associated with anxiety and depression in early adulthood.',
      dataRequests: [request('lpr')],
    }),
    outcomes: { lpr: 'approved' },
    stopAfter: 'draft',
  },
];
