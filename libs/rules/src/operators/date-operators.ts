import { OperatorDefinition } from './operator-registry';

/** Parses an ISO 8601 date (or date-time) to epoch ms; null when absent or not a date. */
export function toEpoch(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : t;
}

function compareDates(test: (a: number, b: number) => boolean) {
  return (factValue: unknown, compareTo: unknown): boolean => {
    const a = toEpoch(factValue);
    const b = toEpoch(compareTo);
    return a !== null && b !== null && test(a, b);
  };
}

const checkDate = (value: unknown): string | undefined =>
  typeof value === 'object' && value !== null && 'fact' in value
    ? undefined
    : toEpoch(value) === null
      ? 'value must be an ISO 8601 date or {"fact": …}'
      : undefined;

/** Date comparisons; a missing or malformed date never satisfies them. */
export const dateOperators: OperatorDefinition[] = [
  { name: 'dateBefore', description: 'fact date is strictly before value date', evaluate: compareDates((a, b) => a < b), checkValue: checkDate },
  { name: 'dateOnOrBefore', description: 'fact date is on or before value date', evaluate: compareDates((a, b) => a <= b), checkValue: checkDate },
  { name: 'dateAfter', description: 'fact date is strictly after value date', evaluate: compareDates((a, b) => a > b), checkValue: checkDate },
  { name: 'dateOnOrAfter', description: 'fact date is on or after value date', evaluate: compareDates((a, b) => a >= b), checkValue: checkDate },
];
