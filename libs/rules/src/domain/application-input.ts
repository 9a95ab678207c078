import type { EthicsCommittee, EthicsStatus, OrganisationSector, OutputKind, ProcessingEnvironment, PurposeCategory } from './application-enums';

export interface DataRequestInput {
  dataSourceId: string;
  variables: string[];
  population: string;
  period: { start: string; end: string };
  biologicalMaterial: boolean;
  prospective: boolean;
  /**
   * Why these variables, this population and this period are needed for the purpose (data
   * minimisation: GDPR art. 5(1)(c), databeskyttelsesloven § 10 "nødvendig", EHDS art. 66(1)).
   */
  necessity?: string;
  /** The population is the whole source (every person in it), not a selection. Since issue 10. */
  wholeRegister: boolean;
  /** Comprehensive genome data (whole-genome or whole-exome sequencing): NVK approval (komitéloven § 14). */
  genomeData?: boolean;
}

/**
 * The applicant's organisation: its country and its sector apart (issue 10). A Danish organisation
 * gives its CVR number. Content written before issue 10 had `type` instead; `upgradeApplication`
 * maps it, and a foreign organisation of that time has no sector until the applicant chooses one.
 */
export interface OrganisationInput {
  name: string;
  /** CVR number (modulus-11 check digit); required when `country` is DK. */
  cvr?: string;
  /** ISO 3166-1 alpha-2; `EL` is accepted for Greece as well as `GR`. */
  country: string;
  sector: OrganisationSector;
}

/**
 * A person the permit names (EHDS art. 61(2): no access for third parties not named in it).
 * Accessing the data from a country outside the EU/EEA is a transfer (GDPR chapter V).
 */
export interface ResearcherInput {
  name: string;
  email: string;
  /** The organisation the researcher works for, by name. */
  organisation: string;
  /** Where the researcher accesses the data from: ISO 3166-1 alpha-2 (EL or GR for Greece). */
  countryOfAccess: string;
}

/**
 * The standardised application (ansøgning) as the rules see it. Field names follow the applications
 * API; content follows EHDS art. 67 and the HealthData@EU common application form.
 */
export interface ApplicationInput {
  title: string;
  purpose: string;
  /** EHDS art. 53(1) (a)–(f). */
  purposeCategory: PurposeCategory;
  declarations: {
    noProhibitedUse: boolean;
    noReidentification: boolean;
    significantSocietalImportance: boolean;
    /** No use that stigmatises or harms groups of persons (EHDS recital 73). Since issue 10. */
    noStigmatisation: boolean;
  };
  applicant: {
    name: string;
    email: string;
    organisation: OrganisationInput;
  };
  /** Who will work with the data; at least one before submission. Since issue 10. */
  researchers: ResearcherInput[];
  legalBasis: { gdprArt6: string; gdprArt9: string };
  consent: boolean;
  /** A research ethics committee's answer; content written before issue 10 has no status and means `approved`. */
  ethicsApproval?: { committee: EthicsCommittee; reference: string; status: EthicsStatus };
  /** Fortegnelse, GDPR art. 30. */
  recordOfProcessing?: { reference: string; controller: string; deletionDate: string };
  output: OutputKind;
  pseudonymisationJustification?: string;
  processingEnvironment: ProcessingEnvironment;
  /** The technical and organisational measures that protect the data (EHDS art. 68(1)(e)). Since issue 10. */
  safeguards: string;
  technicalNeed?: string;
  thirdCountryTransfer?: { country: string };
  /** `sector` is optional (added after the field contract of issue 5); absent means not stated. */
  danishPartner?: { name: string; cvr: string; sector?: OrganisationSector };
  projectPeriod: { start: string; end: string };
  retentionUntil: string;
  dataRequests: DataRequestInput[];
  /** A statistics-only request (EHDS art. 69): the tables the applicant asks for; the holder delivers anonymised results only. */
  statisticalTables?: StatisticalTableInput[];
}

/** One table of anonymised statistical results: what it counts or measures, broken down by what. */
export interface StatisticalTableInput {
  title: string;
  /** What each cell holds (counts of persons, a mean, a rate …). */
  measure: string;
  /** The breakdowns (rows and columns): e.g. year, region, sex, age band. */
  breakdowns: string[];
}
