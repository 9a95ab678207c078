import { copenhagenDateOf, startOfCopenhagenDay } from '@kp/clock';

/** What decides when a case closed: its state and dates, and the end of each of its permits. */
export interface ClosingFacts {
  state: string;
  decidedAt: Date | null;
  withdrawnAt: Date | null;
  permits: { state: string; issuedAt: Date; endedAt: Date | null }[];
}

/**
 * When a case closed, for retention: on withdrawal; once decided, when the last of its permits
 * ended (data may be used, and supervised, while a permit runs: EHDS art. 63) or at the decision
 * if none was issued. null: not closed (open, or a permit still active).
 */
export function closedAt(facts: ClosingFacts): Date | null {
  if (facts.state === 'withdrawn') return facts.withdrawnAt;
  if (facts.state !== 'decided' || !facts.decidedAt) return null;
  if (facts.permits.some((p) => p.state === 'active')) return null;
  return new Date(Math.max(facts.decidedAt.getTime(), ...facts.permits.map((p) => (p.endedAt ?? p.issuedAt).getTime())));
}

/**
 * The moment a closed case's data are due for deletion: the whole anniversary day `years` after the
 * Danish day it closed is still kept; the data go from the start of the day after.
 */
export function retentionEndsAt(closed: Date, years: number): Date {
  return startOfCopenhagenDay(copenhagenDateOf(closed).plusMonths(12 * years).plusDays(1));
}
