/**
 * The closed sets of the standardised application (EHDS art. 67, HealthData@EU common form). Each
 * is the one source for the TypeScript type, the API's validators and OpenAPI, and the JSON Schema
 * of fixtures, so that a value added here is accepted everywhere at once. The order is the order
 * shown in error messages and OpenAPI.
 */

/** EHDS art. 53(1) (a)–(f). */
export const PURPOSE_CATEGORIES = [
  'public_health',
  'policy_regulation',
  'official_statistics',
  'education',
  'scientific_research',
  'care_improvement',
] as const;
export type PurposeCategory = (typeof PURPOSE_CATEGORIES)[number];

export const ORGANISATION_TYPES = ['danish_public_research', 'danish_public_authority', 'danish_private', 'foreign'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/**
 * What kind of organisation a Danish partner is. The Danish National Biobank admits companies and
 * foreign researchers only with a Danish public or established non-commercial partner.
 */
export const DANISH_PARTNER_TYPES = ['danish_public_research', 'danish_public_authority', 'non_commercial', 'danish_private'] as const;
export type DanishPartnerType = (typeof DANISH_PARTNER_TYPES)[number];

/** Research ethics committees (komitéloven): a regional committee (VEK) or the national one (NVK). */
export const ETHICS_COMMITTEES = ['VEK', 'NVK'] as const;
export type EthicsCommittee = (typeof ETHICS_COMMITTEES)[number];

/** Pseudonymised output needs a justification (EHDS art. 66). */
export const OUTPUT_KINDS = ['anonymised', 'pseudonymised'] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

/** Where the data are processed; `other` needs a documented technical need. */
export const PROCESSING_ENVIRONMENTS = ['sds_research_machine', 'dst_research_machine', 'national_platform', 'other'] as const;
export type ProcessingEnvironment = (typeof PROCESSING_ENVIRONMENTS)[number];
