/**
 * The HTTP status of each domain error code: the one place where a refusal by the domain becomes
 * a status. The code is also the last segment of the problem `type`. problem-status.spec.ts fails
 * when a code thrown in libs/ or apps/ has no row here.
 */
export const PROBLEM_STATUS: Readonly<Record<string, number>> = {
  // The request itself is malformed.
  validation: 400,
  'bad-cursor': 400,
  'bad-if-match': 400,
  'bad-idempotency-key': 400,
  // The body is not JSON, the one media type this API reads.
  'unsupported-media-type': 415,
  // An attachment larger than ATTACHMENT_MAX_BYTES, or of a type outside the allow-list (read from its bytes).
  'attachment-too-large': 413,
  'attachment-type-not-allowed': 415,
  // The actor may not do this, whichever object it is.
  forbidden: 403,
  'conflict-of-interest': 403,
  'four-eyes': 403,
  'no-region': 403,
  'not-holder': 403,
  // Absent, or not the actor's to see (the existence of health data is not disclosed).
  'not-found': 404,
  'unknown-queue': 404,
  // The object's state does not allow it now.
  'command-not-allowed': 409,
  'case-claimed': 409,
  'clock-conflict': 409,
  'consultation-closed': 409,
  'draft-closed': 409,
  'screening-outdated': 409,
  'draft-pending': 409,
  'legal-matter-duplicate': 409,
  'staff-member-exists': 409,
  'legal-matter-open': 409,
  'legal-matter-resolved': 409,
  'no-recommendation': 409,
  'no-screening': 409,
  'screening-erased': 409,
  'not-claimed': 409,
  'parts-in-decision': 409,
  'permit-not-active': 409,
  'delivery-status-not-allowed': 409,
  'sub-case-closed': 409,
  'sub-case-not-ready': 409,
  'wrong-track': 409,
  'hearing-open': 409,
  'hearing-answered': 409,
  'hearing-overdue': 409,
  // The application was withdrawn while the hearing waited for the answer.
  'hearing-closed': 409,
  // EHDS art. 63; forvaltningsloven § 19: the holder has not been heard on this permit.
  'revocation-hearing-required': 409,
  // After the decision: appeals and reopening (forvaltningsloven § 25; genoptagelse).
  'decision-superseded': 409,
  'appeal-open': 409,
  'appeal-closed': 409,
  // A decision on a collaborative part is the controller's own: it reconsiders before the contact point forwards.
  'controller-reconsidering': 409,
  'controller-answered': 409,
  'no-reconsideration': 409,
  'reopening-open': 409,
  'reopening-decided': 409,
  'team-member-exists': 409,
  'invitation-expired': 409,
  // If-Match named an older version.
  'stale-version': 412,
  // Well-formed, but the rules refuse its content.
  'clock-extension-refused': 422,
  'data-requests-changed': 422,
  'departure-reason-required': 422,
  'effective-date-in-past': 422,
  'incomplete-application': 422,
  'unknown-assignee': 422,
  'assignee-absent': 422,
  'unknown-sub-case': 422,
  'idempotency-key-reused': 422,
  'supplement-unanswered': 422,
  'opt-out-checks-missing': 422,
  'hearing-required': 422,
  // Too many requests from one address or by one subject in the window (libs/rate-limit).
  'rate-limited': 429,
};

/**
 * A code without a row is still a refusal of a request the API understood, so it answers 422
 * (and the filter logs the missing row) rather than passing for a server fault.
 */
export const DEFAULT_PROBLEM_STATUS = 422;

export function hasProblemStatus(code: string): boolean {
  return Object.hasOwn(PROBLEM_STATUS, code);
}

export function problemStatus(code: string): number {
  return hasProblemStatus(code) ? PROBLEM_STATUS[code] : DEFAULT_PROBLEM_STATUS;
}
