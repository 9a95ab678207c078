/**
 * The states a case and its sub-cases can be in, and the kinds of case: one `as const` array each,
 * which the types, the tables (lifecycle, state effects), the validators and the database checks use.
 */
export const CASE_STATES = [
  'draft',
  'submitted',
  'screening',
  'in_review',
  'awaiting_applicant',
  'consultation',
  'awaiting_controller',
  'decided',
  'withdrawn',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

/**
 * The states a case waits in for its screening job (submitted, or sent back to screening): a healthy
 * queue moves it on within seconds. Cases in review may be screened again too, but do not wait for it.
 */
export const AWAITING_SCREENING: readonly CaseState[] = ['submitted', 'screening'];

/**
 * `awaiting_approval`: a caseworker's draft decision waits for a legal approver (four eyes);
 * `awaiting_controller`: a recommendation waits for the controller's decision (collaborative track).
 */
export const SUB_CASE_STATES = ['pending_screening', 'in_review', 'awaiting_approval', 'awaiting_controller', 'decided', 'withdrawn'] as const;
export type SubCaseState = (typeof SUB_CASE_STATES)[number];

/** A sub-case still to be decided. */
export function isOpenSubCase(state: SubCaseState): boolean {
  return state !== 'decided' && state !== 'withdrawn';
}

/**
 * Each kind of case has its own rows in the state-effects table, so a new kind (an amendment, an
 * extension, a statistics-only request) is rows, not a new code path. Today every case handles an
 * application.
 */
export const CASE_KINDS = ['application'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
