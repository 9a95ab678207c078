import type { Content } from './draft';

type Values<K extends keyof Content> = NonNullable<Content[K]>;
/** Every member of a union, once: a value the API adds fails to compile here until it is listed. */
const allOf =
  <T extends string>() =>
  <const A extends readonly T[]>(...values: A & ([T] extends [A[number]] ? unknown : never)): A =>
    values;

type Organisation = NonNullable<Content['applicant']>['organisation'];
type Ethics = NonNullable<Content['ethicsApproval']>;

export const PURPOSE_CATEGORIES = allOf<Values<'purposeCategory'>>()('public_health', 'policy_regulation', 'official_statistics', 'education', 'scientific_research', 'care_improvement');
export const SECTORS = allOf<Organisation['sector']>()('public_research', 'public_authority', 'non_profit', 'private');
export const ETHICS_COMMITTEES = allOf<Ethics['committee']>()('VEK', 'NVK');
export const ETHICS_STATUSES = allOf<Ethics['status']>()('approved', 'not_notifiable');
export const OUTPUT_KINDS = allOf<Values<'output'>>()('anonymised', 'pseudonymised');
export const PROCESSING_ENVIRONMENTS = allOf<Values<'processingEnvironment'>>()('sds_research_machine', 'dst_research_machine', 'national_platform', 'other');
