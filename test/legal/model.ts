/**
 * The application model the legal scenarios are written in: the model issue 10 introduces
 * (organisation country and sector apart, ethics status, safeguards, stigmatisation declaration,
 * necessity and whole-register per data request, named researchers). Declared here rather than
 * imported from the application code, so the scenarios say what an applicant sends over HTTP and
 * do not change when the code's types do.
 */

/** EHDS art. 53(1) (a)–(f). */
export type PurposeCategory = 'public_health' | 'policy_regulation' | 'official_statistics' | 'education' | 'scientific_research' | 'care_improvement';
export const PURPOSE_CATEGORIES: readonly PurposeCategory[] = ['public_health', 'policy_regulation', 'official_statistics', 'education', 'scientific_research', 'care_improvement'];

export type Sector = 'public_research' | 'public_authority' | 'non_profit' | 'private';
export const SECTORS: readonly Sector[] = ['public_research', 'public_authority', 'non_profit', 'private'];

/** `country` is ISO 3166-1 alpha-2 (`EL` is accepted for Greece); a Danish organisation gives its CVR. */
export interface Organisation {
  name: string;
  cvr?: string;
  country: string;
  sector: Sector;
}

/** A person the permit names (EHDS art. 61(2)); access from a third country is a transfer. */
export interface Researcher {
  name: string;
  email: string;
  organisation: string;
  countryOfAccess: string;
}

export interface DataRequest {
  dataSourceId: string;
  variables: string[];
  population: string;
  period: { start: string; end: string };
  biologicalMaterial: boolean;
  prospective: boolean;
  /** Why these variables, this population and this period are needed. */
  necessity?: string;
  /** The population is the whole source. */
  wholeRegister: boolean;
  /** Comprehensive genome data (whole-genome or whole-exome sequencing) are requested or produced. */
  genomeData?: boolean;
}

export interface LegalApplication {
  title: string;
  purpose: string;
  purposeCategory: PurposeCategory;
  applicant: { name: string; email: string; organisation: Organisation };
  danishPartner?: { name: string; cvr: string; sector?: Sector };
  researchers: Researcher[];
  legalBasis: { gdprArt6: string; gdprArt9: string };
  consent: boolean;
  /** `not_notifiable`: the committee's answer that the project need not be notified — not an approval. */
  ethicsApproval?: { committee: 'VEK' | 'NVK'; reference: string; status: 'approved' | 'not_notifiable' };
  /** The technical and organisational measures (EHDS art. 68(1)). */
  safeguards: string;
  declarations: { noProhibitedUse: boolean; noReidentification: boolean; significantSocietalImportance: boolean; noStigmatisation: boolean };
  recordOfProcessing?: { reference: string; controller: string; deletionDate: string };
  output: 'anonymised' | 'pseudonymised';
  pseudonymisationJustification?: string;
  processingEnvironment: 'sds_research_machine' | 'dst_research_machine' | 'national_platform' | 'other';
  technicalNeed?: string;
  thirdCountryTransfer?: { country: string };
  projectPeriod: { start: string; end: string };
  retentionUntil: string;
  dataRequests: DataRequest[];
}

// ---------------------------------------------------------------------------------------------
// What a scenario expects. Every expectation says `because`: the provision it follows from, as
// the law (docs/legal.md, with its sources) states it — never what the rules happen to answer today.

export type Track = 'central' | 'collaborative';
export type Verdict = 'approve' | 'abstain' | 'deny';
export type Severity = 'info' | 'warning' | 'blocking';
export type LegalMatterKind = 'data_processing_agreement' | 'controller_roles' | 'datatilsynet_permission' | 'private_company_contract';
export const LEGAL_MATTER_KINDS: readonly LegalMatterKind[] = ['data_processing_agreement', 'controller_roles', 'datatilsynet_permission', 'private_company_contract'];

/**
 * A provision as a finding's or a legal matter's `legalReference` cites it: one citation, or
 * alternatives of which any one will do ("GDPR art. 46" or "GDPR chapter V"). Matched without
 * regard to case, spacing, commas or the law's long name (provisions.ts).
 */
export type Provision = string | readonly string[];

export interface Expected<T> {
  is: T;
  because: string;
}

/** Some finding cites `provision`, and — where given — has this verdict and severity and names this text. */
export interface CitationExpectation {
  provision: Provision;
  verdict?: Verdict | readonly Verdict[];
  severity?: Severity | readonly Severity[];
  /** Text the finding's message (Danish or English) contains, e.g. the date an EHDS rule applies from. */
  mentions?: string;
  because: string;
}

/** A legal matter on the sub-case: of this kind, or citing this provision, or both. */
export interface MatterExpectation {
  kind?: LegalMatterKind;
  provision?: Provision;
  because: string;
}

export interface SubCaseExpectation {
  track: Expected<Track>;
  verdict: Expected<Verdict>;
  /** Findings that must be there (at least these; others may be too). */
  cites?: CitationExpectation[];
  /** Provisions no finding may cite. */
  notCited?: { provision: Provision; because: string }[];
  /** Legal matters that must be opened (at least these). */
  legalMatters?: MatterExpectation[];
  /** Legal matters that must not be opened. */
  notLegalMatters?: MatterExpectation[];
}

export interface Scenario {
  /** The test's name: what happens, to whom, and when. */
  name: string;
  /** One line for the coverage table: which point of law the scenario tries. */
  covers: string;
  /** The business date and time the application is submitted and screened (ISO 8601, UTC). */
  on: string;
  application: LegalApplication;
  /** One expectation per data request, keyed by data source id. */
  expect: Record<string, SubCaseExpectation>;
}
