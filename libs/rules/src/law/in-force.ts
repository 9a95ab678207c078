import { RuleDefinition } from '../domain/rule-set';

/**
 * The period in which a rule's legal basis applies: from `from` (inclusive) until `until`
 * (exclusive: the first day it no longer applies), as Copenhagen calendar dates. A rule without one
 * applies at every date. EHDS chapter IV, for instance, applies from 26 March 2029 (art. 105).
 */
export interface InForce {
  from?: string;
  until?: string;
}

/** A screening's legal date: the Copenhagen calendar date whose law it applied, `YYYY-MM-DD`. */
export type LawDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isLawDate(value: unknown): value is LawDate {
  return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

export function isInForce(inForce: InForce | undefined, on: LawDate): boolean {
  if (!inForce) return true;
  return (inForce.from === undefined || inForce.from <= on) && (inForce.until === undefined || on < inForce.until);
}

/** Every date on which some rule starts or stops applying, sorted: the days open cases are screened again. */
export function lawBoundaries(rules: readonly Pick<RuleDefinition, 'inForce'>[]): LawDate[] {
  const dates = new Set<LawDate>();
  for (const rule of rules) {
    if (rule.inForce?.from) dates.add(rule.inForce.from);
    if (rule.inForce?.until) dates.add(rule.inForce.until);
  }
  return [...dates].sort();
}

/** The latest boundary on or before `on` (the law in force on `on` has applied since then), if any. */
export function latestBoundary(boundaries: readonly LawDate[], on: LawDate): LawDate | undefined {
  return [...boundaries].reverse().find((b) => b <= on);
}
