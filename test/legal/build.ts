import { CATALOGUE, SourceId } from './catalogue';
import { CitationExpectation, DataRequest, Expected, LegalApplication, MatterExpectation, Organisation, Provision, Researcher, Verdict } from './model';
import { REAL } from './organisations';

/**
 * Builders for complete, unobjectionable applications; each scenario then changes only what its
 * point of law is about, so the expectation can be read off the difference.
 */

/** A project that starts after the pre-2029 screening date and one that starts after 26 March 2029. */
export const PROJECT_BEFORE_EHDS = { start: '2027-04-01', end: '2029-12-31' };
export const PROJECT_AFTER_EHDS = { start: '2029-07-01', end: '2032-06-30' };

/** Retrospective data: periods that have ended before either screening date. */
export const DATA_PERIOD = { start: '2010-01-01', end: '2025-12-31' };

export const SAFEGUARDS_RESEARCH_MACHINE =
  'Analysis only on the research machine with two-factor login for the named researchers; only aggregated results with at least five persons per cell leave it; no linkage beyond the approved sources; data deleted at the end of the project.';

const PSEUDONYMISATION_JUSTIFICATION =
  'Linking the sources at person level and following each person over time needs pseudonymised identifiers; anonymised tables cannot answer the question. Only aggregated results leave the environment.';

export function applicant(organisation: Organisation, name: string, email: string): LegalApplication['applicant'] {
  return { name, email, organisation };
}

export function researcher(name: string, email: string, organisation: string, countryOfAccess: string): Researcher {
  return { name, email, organisation, countryOfAccess };
}

export function request(source: SourceId, extra: Partial<DataRequest> = {}): DataRequest {
  return {
    dataSourceId: source,
    variables: [...CATALOGUE[source]],
    population: 'Adults aged 18 or more with a first diagnosis in the period',
    period: DATA_PERIOD,
    biologicalMaterial: false,
    prospective: false,
    necessity: 'Each variable answers one of the research questions; the population and period are those the questions concern.',
    wholeRegister: false,
    ...extra,
  };
}

const publicSector = (o: Organisation) => o.sector === 'public_research' || o.sector === 'public_authority';

/**
 * A complete application by Aarhus Universitet for LPR data, on the research machine, within the
 * project period, with every declaration given. `overrides` replace top-level fields; the
 * researchers, legal basis, record of processing and retention follow the applicant and the
 * project period unless given.
 */
export function application(overrides: Partial<LegalApplication> = {}): LegalApplication {
  const who = overrides.applicant ?? applicant(REAL.aarhusUniversitet, 'Mette Jensen', 'mette.jensen@au.dk');
  const projectPeriod = overrides.projectPeriod ?? PROJECT_BEFORE_EHDS;
  const retentionUntil = overrides.retentionUntil ?? projectPeriod.end;
  return {
    title: 'Long-term outcomes after stroke',
    purpose: 'To study mortality and readmission after stroke in order to improve rehabilitation.',
    purposeCategory: 'scientific_research',
    applicant: who,
    researchers: [researcher(who.name, who.email, who.organisation.name, who.organisation.country)],
    legalBasis: {
      gdprArt6: publicSector(who.organisation) ? 'art. 6(1)(e)' : 'art. 6(1)(f)',
      gdprArt9: 'art. 9(2)(j) with databeskyttelsesloven § 10',
    },
    consent: false,
    safeguards: SAFEGUARDS_RESEARCH_MACHINE,
    declarations: { noProhibitedUse: true, noReidentification: true, significantSocietalImportance: true, noStigmatisation: true },
    recordOfProcessing: { reference: `FORT-${projectPeriod.start.slice(0, 4)}-117`, controller: who.organisation.name, deletionDate: retentionUntil },
    output: 'pseudonymised',
    pseudonymisationJustification: PSEUDONYMISATION_JUSTIFICATION,
    processingEnvironment: 'sds_research_machine',
    dataRequests: [request('lpr')],
    ...overrides,
    projectPeriod,
    retentionUntil,
  };
}

// ---------------------------------------------------------------------------------------------
// Expectations

export const verdict = (is: Verdict, because: string): Expected<Verdict> => ({ is, because });
export const approve = (because: string) => verdict('approve', because);
export const abstain = (because: string) => verdict('abstain', because);
export const deny = (because: string) => verdict('deny', because);

/** A finding citing `provision`, with the constraints given. */
export const finding = (provision: Provision, because: string, constraints: Omit<CitationExpectation, 'provision' | 'because'> = {}): CitationExpectation => ({
  provision,
  because,
  ...constraints,
});

export const matter = (kind: MatterExpectation['kind'], provision: Provision | undefined, because: string): MatterExpectation => ({ kind, provision, because });
