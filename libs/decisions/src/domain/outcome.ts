import type { Verdict } from '@kp/rules';

export const OUTCOMES = ['approved', 'approved_with_conditions', 'rejected'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export function isApproving(outcome: Outcome): boolean {
  return outcome !== 'rejected';
}

/**
 * Whether a human outcome departs from the engine's verdict (DUOS asks the decider whether they
 * agree with the algorithm; so do we). An `abstain` leaves the question to the human, so no
 * outcome departs from it.
 */
export function departsFromEngine(outcome: Outcome, verdict: Verdict | null): boolean {
  if (verdict === 'approve') return outcome === 'rejected';
  if (verdict === 'deny') return outcome !== 'rejected';
  return false;
}
