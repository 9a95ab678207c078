/**
 * The standardised application (ansøgning) as the rules see it. Field names follow the applications
 * API; content follows EHDS art. 67 and the HealthData@EU common application form.
 */
export type PurposeCategory =
  | 'public_health'
  | 'policy_regulation'
  | 'official_statistics'
  | 'education'
  | 'scientific_research'
  | 'care_improvement';

export type OrganisationType = 'danish_public_research' | 'danish_public_authority' | 'danish_private' | 'foreign';

/**
 * What kind of organisation a Danish partner is. The Danish National Biobank admits companies and
 * foreign researchers only with a Danish public or established non-commercial partner.
 */
export type DanishPartnerType = 'danish_public_research' | 'danish_public_authority' | 'non_commercial' | 'danish_private';

export type ProcessingEnvironment = 'sds_research_machine' | 'dst_research_machine' | 'national_platform' | 'other';

export interface DataRequestInput {
  dataSourceId: string;
  variables: string[];
  population: string;
  period: { start: string; end: string };
  biologicalMaterial: boolean;
  prospective: boolean;
}

export interface ApplicationInput {
  title: string;
  purpose: string;
  /** EHDS art. 53(1) (a)–(f). */
  purposeCategory: PurposeCategory;
  declarations: { noProhibitedUse: boolean; noReidentification: boolean; significantSocietalImportance: boolean };
  applicant: {
    name: string;
    email: string;
    organisation: { name: string; cvr?: string; country: string; type: OrganisationType };
  };
  legalBasis: { gdprArt6: string; gdprArt9: string };
  consent: boolean;
  ethicsApproval?: { committee: 'VEK' | 'NVK'; reference: string };
  /** Fortegnelse, GDPR art. 30. */
  recordOfProcessing?: { reference: string; controller: string; deletionDate: string };
  output: 'anonymised' | 'pseudonymised';
  pseudonymisationJustification?: string;
  processingEnvironment: ProcessingEnvironment;
  technicalNeed?: string;
  thirdCountryTransfer?: { country: string };
  /** `type` is optional (added after the field contract of issue 5); absent means not stated. */
  danishPartner?: { name: string; cvr: string; type?: DanishPartnerType };
  projectPeriod: { start: string; end: string };
  retentionUntil: string;
  dataRequests: DataRequestInput[];
}
