import type { DanishPartnerType, EthicsCommittee, OrganisationType, OutputKind, ProcessingEnvironment, PurposeCategory } from './application-enums';

export interface DataRequestInput {
  dataSourceId: string;
  variables: string[];
  population: string;
  period: { start: string; end: string };
  biologicalMaterial: boolean;
  prospective: boolean;
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
  declarations: { noProhibitedUse: boolean; noReidentification: boolean; significantSocietalImportance: boolean };
  applicant: {
    name: string;
    email: string;
    organisation: { name: string; cvr?: string; country: string; type: OrganisationType };
  };
  legalBasis: { gdprArt6: string; gdprArt9: string };
  consent: boolean;
  ethicsApproval?: { committee: EthicsCommittee; reference: string };
  /** Fortegnelse, GDPR art. 30. */
  recordOfProcessing?: { reference: string; controller: string; deletionDate: string };
  output: OutputKind;
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
