import { Finding, Verdict } from './rule-set';

/**
 * Verdict per data request, as in DUOS's sub-rule matching: every finding votes; all approve (or
 * no findings) → approve; any abstain → abstain (a human must judge); otherwise deny — a blocking
 * finding denies until it is resolved.
 */
export function combineVerdicts(findings: Pick<Finding, 'verdict'>[]): Verdict {
  if (findings.every((f) => f.verdict === 'approve')) return 'approve';
  if (findings.some((f) => f.verdict === 'abstain')) return 'abstain';
  return 'deny';
}
