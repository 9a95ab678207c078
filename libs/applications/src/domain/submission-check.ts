import canonicalize from 'canonicalize';
import type { Actor } from '@kp/auth';
import type { CaseKind, PermitChangeRef } from '@kp/cases';
import { permitChangeProblems } from './permit-change';
import { missingForStatistics, statisticsProblems } from './statistics-request';
import { ApplicationContent, contentProblems, FieldProblem, missingForSubmission } from './application-content';

/** What submitting (or resubmitting) this content now would be refused for; empty lists when nothing. */
export interface SubmissionProblems {
  /** Present but wrong: refused with `validation`. */
  invalid: FieldProblem[];
  /** Required and absent: refused with `incomplete-application`. */
  missing: FieldProblem[];
  /** A resubmission that adds or drops a data source: refused with `data-requests-changed`. */
  changedSources: FieldProblem[];
}

export interface SubmissionContext {
  actor: Actor;
  isKnownSource: (dataSourceId: string) => boolean;
  /** On a resubmission: the data sources the case was opened with, which a supplement cannot change. */
  caseDataSources?: string[];
  /** An amendment or extension: the permit version it changes (what the change is measured against). */
  change?: { kind: CaseKind; amends: PermitChangeRef | null };
}

/**
 * The one check behind `submit`, `resubmit` and `POST …/check`, so a check that says ready means
 * the command accepts it. The applicant organisation comes from the verified token (MitID Erhverv
 * names the CVR): a form naming another CVR is refused, because conflict-of-interest checks rely on it.
 */
export function submissionProblems(content: ApplicationContent, { actor, isKnownSource, caseDataSources, change }: SubmissionContext): SubmissionProblems {
  const invalid = contentProblems(content, isKnownSource);
  if (change) invalid.push(...permitChangeProblems(change.kind, change.amends, content), ...statisticsProblems(change.kind, content));
  const declared = content.applicant?.organisation?.cvr;
  if (actor.organisation && declared && declared !== actor.organisation && !invalid.some((p) => p.field === 'applicant.organisation.cvr')) {
    invalid.push({ field: 'applicant.organisation.cvr', messages: [`must be the CVR of the organisation you sign in for (${actor.organisation})`], rule: 'cvr-of-organisation', args: { organisation: actor.organisation } });
  }
  const changedSources: FieldProblem[] = [];
  if (caseDataSources) {
    const requested = (content.dataRequests ?? []).map((r) => r.dataSourceId).sort();
    const cased = [...caseDataSources].sort();
    if (requested.join() !== cased.join()) changedSources.push({ field: 'dataRequests', messages: [`must request exactly: ${cased.join(', ')}`], rule: 'same-sources', args: { sources: cased.join(', ') } });
  }
  return { invalid, missing: change?.kind === 'statistics' ? missingForStatistics(content) : missingForSubmission(content), changedSources };
}

/**
 * Whether the application differs from the content the case holds (what was last submitted):
 * after a request for supplement, an amendment is one way to answer it (EHDS art. 68(4)).
 * Compared as canonical JSON (RFC 8785), so key order does not count as a change.
 */
export function amendedSince(submitted: ApplicationContent, current: ApplicationContent): boolean {
  return canonicalize(submitted) !== canonicalize(current);
}
