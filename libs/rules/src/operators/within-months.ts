import { toEpoch } from './date-operators';
import { OperatorDefinition } from './operator-registry';

/** Adds calendar months in UTC; the day is clamped to the target month's end (31 Jan + 1 = 28/29 Feb). */
export function addMonths(epoch: number, months: number): number {
  const d = new Date(epoch);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.getTime();
}

/**
 * `withinMonths`: the fact is a span `{from, to}` of ISO dates; true when `to` is no later than
 * `from` plus `value` calendar months. A missing date is not within any span.
 */
export const withinMonths: OperatorDefinition = {
  name: 'withinMonths',
  description: 'span {from, to}: to is no later than from + value months',
  evaluate: (factValue, months) => {
    if (typeof factValue !== 'object' || factValue === null || typeof months !== 'number') return false;
    const span = factValue as { from?: unknown; to?: unknown };
    const from = toEpoch(span.from);
    const to = toEpoch(span.to);
    return from !== null && to !== null && to <= addMonths(from, months);
  },
  checkValue: (value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0 ? undefined : 'value must be a whole number of months (≥ 0)',
};
