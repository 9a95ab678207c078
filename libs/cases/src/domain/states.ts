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
 * Each kind of case has its own rows in the state-effects table, so a new kind is rows, not a new
 * code path. `application`: a new application; `amendment`: a change to a running permit (more
 * variables, another source, a longer period, another named researcher), handled only for the
 * change; `extension`: a longer project period before the permit expires, no new data;
 * `statistics`: a request for anonymised statistical results only (EHDS art. 69), no environment
 * (issue 15).
 */
export const CASE_KINDS = ['application', 'amendment', 'extension', 'statistics'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** The kinds that change a running permit: their decision gives the permit a new version. */
export const PERMIT_CHANGE_KINDS = ['amendment', 'extension'] as const satisfies readonly CaseKind[];
export type PermitChangeKind = (typeof PERMIT_CHANGE_KINDS)[number];
