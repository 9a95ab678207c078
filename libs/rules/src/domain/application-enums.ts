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

/**
 * The sector of an organisation, apart from its country (issue 10): who may pursue EHDS art.
 * 53(1)(a)–(c) (public-sector bodies), whom Sundhedsdatastyrelsen authorises in general (public
 * research) or per project (private), and whom the Danish National Biobank admits as a partner
 * (public or established non-commercial). Used for the applicant and for a Danish partner.
 */
export const ORGANISATION_SECTORS = ['public_research', 'public_authority', 'non_profit', 'private'] as const;
export type OrganisationSector = (typeof ORGANISATION_SECTORS)[number];

/** Research ethics committees (komitéloven): a regional committee (VEK) or the national one (NVK). */
export const ETHICS_COMMITTEES = ['VEK', 'NVK'] as const;
export type EthicsCommittee = (typeof ETHICS_COMMITTEES)[number];

/**
 * What a research ethics committee answered. `not_notifiable`: the committee's answer that the
 * project need not be notified (register-only studies are not, komitéloven § 14). It has a
 * reference too, but it is not an approval: patient-record data then take the sundhedsloven § 46
 * stk. 2 route, and biological material needs an approved project.
 */
export const ETHICS_STATUSES = ['approved', 'not_notifiable'] as const;
export type EthicsStatus = (typeof ETHICS_STATUSES)[number];

/** Pseudonymised output needs a justification (EHDS art. 66). */
export const OUTPUT_KINDS = ['anonymised', 'pseudonymised'] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

/** Where the data are processed; `other` needs a documented technical need. */
export const PROCESSING_ENVIRONMENTS = ['sds_research_machine', 'dst_research_machine', 'national_platform', 'other'] as const;
export type ProcessingEnvironment = (typeof PROCESSING_ENVIRONMENTS)[number];

/**
 * Before issue 10 the form had one `type` for country and sector together. No longer accepted; kept
 * because drafts and submitted content written then are mapped on read (`upgradeApplication`), and
 * rule-set versions of that time name these values in their facts (replays must see them).
 */
export const LEGACY_ORGANISATION_TYPES = ['danish_public_research', 'danish_public_authority', 'danish_private', 'foreign'] as const;
export type LegacyOrganisationType = (typeof LEGACY_ORGANISATION_TYPES)[number];

/** A Danish partner's `type` before issue 10 (see LEGACY_ORGANISATION_TYPES). */
export const LEGACY_DANISH_PARTNER_TYPES = ['danish_public_research', 'danish_public_authority', 'non_commercial', 'danish_private'] as const;
export type LegacyDanishPartnerType = (typeof LEGACY_DANISH_PARTNER_TYPES)[number];
