import type { ProcessingEnvironment } from '@kp/rules';
import type { Outcome } from '../domain/outcome';

export type DocumentLanguage = 'da' | 'en';

/** The analysis environments an application can name, as a letter calls them. */
export const ENVIRONMENT_NAMES: Record<ProcessingEnvironment, { da: string; en: string }> = {
  sds_research_machine: { da: 'Sundhedsdatastyrelsens forskermaskine', en: "Sundhedsdatastyrelsen's research machine" },
  dst_research_machine: { da: 'Danmarks Statistiks forskningsservice', en: "Statistics Denmark's research service" },
  national_platform: { da: 'Den nationale platform (Nationalt Genomcenter)', en: 'The national platform (Danish National Genome Center)' },
  other: { da: 'Andet miljø (dokumenteret teknisk behov)', en: 'Another environment (documented technical need)' },
};

const OUTCOME_NAMES: Record<Outcome, { da: string; en: string }> = {
  approved: { da: 'Godkendt', en: 'Approved' },
  approved_with_conditions: { da: 'Godkendt med vilkår', en: 'Approved with conditions' },
  rejected: { da: 'Afslået', en: 'Rejected' },
};

export const outcomeName = (outcome: Outcome, lang: DocumentLanguage) => OUTCOME_NAMES[outcome][lang];

/** Headings and labels of the decision letter and the permit, in both languages. */
export const LABELS = {
  da: {
    letterTitle: 'Afgørelse om adgang til sundhedsdata',
    permitTitle: 'Tilladelse til dataudlevering',
    authority: 'Afgørende myndighed',
    caseNumber: 'Sagsnummer',
    permitNumber: 'Tilladelsesnummer',
    issuedOn: 'Dato',
    outcome: 'Afgørelse',
    applicant: 'Ansøger',
    researchers: 'Navngivne personer med adgang til data',
    purpose: 'Ansøgningens formål',
    dataGranted: 'Data, der gives adgang til',
    noDataGranted: 'Ingen: ansøgningen er afslået for denne datakilde.',
    variables: 'Variable',
    population: 'Population',
    dataPeriod: 'Dataperiode',
    output: 'Udleveres som',
    outputKinds: { anonymised: 'anonymiserede data', pseudonymised: 'pseudonymiserede data' },
    legalBasis: 'Retsgrundlag',
    reasoning: 'Begrundelse (forvaltningsloven §§ 22–24)',
    conditions: 'Vilkår',
    noConditions: 'Afgørelsen har ingen vilkår.',
    informs: 'til orientering, endnu ikke bindende',
    period: 'Periode',
    projectPeriod: (from: string, to: string) => `Projektperioden ${from} til og med ${to}.`,
    validity: (from: string, to: string) => `Tilladelsen gælder fra ${from} til og med ${to}; derefter ophører adgangen til data.`,
    environment: 'Analysemiljø',
    appeal: 'Klagevejledning (forvaltningsloven § 25)',
    state: 'Status',
    states: { active: 'gældende', expired: 'udløbet', revoked: 'tilbagekaldt', superseded: 'erstattet' },
    decisionHash: 'Afgørelsens hash i revisionssporet (SHA-256)',
    permitHash: 'Tilladelsens hash i revisionssporet (SHA-256)',
    event: 'hændelse',
  },
  en: {
    letterTitle: 'Decision on access to health data',
    permitTitle: 'Data permit',
    authority: 'Deciding authority',
    caseNumber: 'Case number',
    permitNumber: 'Permit number',
    issuedOn: 'Date',
    outcome: 'Decision',
    applicant: 'Applicant',
    researchers: 'Persons named in the permit who may access the data',
    purpose: 'Purpose of the application',
    dataGranted: 'Data granted',
    noDataGranted: 'None: the application is rejected for this data source.',
    variables: 'Variables',
    population: 'Population',
    dataPeriod: 'Data period',
    output: 'Delivered as',
    outputKinds: { anonymised: 'anonymised data', pseudonymised: 'pseudonymised data' },
    legalBasis: 'Legal basis',
    reasoning: 'Reasoning (Danish Public Administration Act §§ 22–24)',
    conditions: 'Conditions',
    noConditions: 'The decision has no conditions.',
    informs: 'for information, not yet binding',
    period: 'Period',
    projectPeriod: (from: string, to: string) => `The project period ${from} up to and including ${to}.`,
    validity: (from: string, to: string) => `The permit is valid from ${from} up to and including ${to}; access to the data ends then.`,
    environment: 'Analysis environment',
    appeal: 'Appeal guidance (Danish Public Administration Act § 25)',
    state: 'State',
    states: { active: 'active', expired: 'expired', revoked: 'revoked', superseded: 'superseded' },
    decisionHash: "The decision's hash in the audit trail (SHA-256)",
    permitHash: "The permit's hash in the audit trail (SHA-256)",
    event: 'event',
  },
} as const;
