import { Finding, Verdict } from './rule-set';

/**
 * Verdict per data request, as in DUOS's sub-rule matching: every applicable rule votes, across the
 * common set and the source's set. Any deny → deny (a prohibited use is not hidden by a question a
 * caseworker could answer); else any abstain → abstain (a human must judge); else approve (also
 * when no rule fired). DESIGN.md §3.
 */
export function combineVerdicts(findings: Pick<Finding, 'verdict'>[]): Verdict {
  if (findings.some((f) => f.verdict === 'deny')) return 'deny';
  if (findings.some((f) => f.verdict === 'abstain')) return 'abstain';
  return 'approve';
}
