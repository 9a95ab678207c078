import type { ProcessingEnvironment } from '@kp/rules';

/**
 * Who runs each analysis environment an application can name, and so whose `environment_operator`
 * staff confirm receipt and end access. The operators' CVR numbers are not yet confirmed against
 * the CVR register [check]; `other` has no operator we deal with (the holder reports for it).
 */
export const ENVIRONMENT_OPERATORS: Record<ProcessingEnvironment, { name: string; cvr: string } | null> = {
  sds_research_machine: { name: 'Sundhedsdatastyrelsen', cvr: '33257872' },
  dst_research_machine: { name: 'Danmarks Statistik', cvr: '10103940' },
  national_platform: { name: 'Nationalt Genom Center', cvr: '39928345' },
  other: null,
};

export const environmentOperator = (environment: string) => ENVIRONMENT_OPERATORS[environment as ProcessingEnvironment] ?? null;
