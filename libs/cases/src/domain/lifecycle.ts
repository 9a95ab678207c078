import { Role } from '@kp/auth';
import { DomainError } from '@kp/errors';
import { CaseState } from './states';

export { CASE_STATES, isOpenSubCase } from './states';
export type { CaseState } from './states';

/**
 * The case lifecycle as data (DESIGN.md §3, after REMS's master workflow): for each state, which
 * commands each role may send. Every command goes through {@link assertCommandAllowed}; the table is
 * rendered into docs/permissions.md by a test, so the document cannot drift from the code.
 */
/** The worker acts as `system` (screening, clocks); it never comes from a token. */
export type LifecycleRole = Role | 'system';

export const COMMANDS = [
  'edit_draft',
  'check',
  'submit',
  'withdraw',
  'resubmit',
  'screen',
  'request_rescreen',
  'read_case',
  'claim',
  'release',
  'assign',
  'request_supplement',
  'consult',
  'answer_consultation',
  'lapse_consultation',
  'add_note',
  'open_legal_matter',
  'resolve_legal_matter',
  'extend_clock',
  'draft_decision',
  'issue_decision',
  'return_draft',
  'recommend',
  'controller_decide',
  'revoke_permit',
  'hear_party',
  'answer_hearing',
  'hear_permit_holder',
  'register_appeal',
  'forward_appeal',
  'controller_maintain',
  'register_reopening_request',
  'decide_reopening',
  'reassign',
  'attach_document',
  'share_draft',
  'comment_draft',
] as const;
export type Command = (typeof COMMANDS)[number];

const OPEN_STATES: CaseState[] = ['submitted', 'screening', 'in_review', 'awaiting_applicant', 'consultation', 'awaiting_controller'];
const HANDLING_STATES: CaseState[] = ['in_review', 'consultation', 'awaiting_controller'];

type Table = Record<CaseState, Partial<Record<LifecycleRole, Command[]>>>;

const staffWork: Command[] = ['read_case', 'claim', 'release', 'assign', 'request_supplement', 'consult', 'add_note', 'open_legal_matter', 'resolve_legal_matter', 'extend_clock', 'draft_decision', 'recommend', 'request_rescreen', 'hear_party', 'attach_document'];
/**
 * A legal approver works the approval queue: claims and assigns like a caseworker, opens and resolves legal matters, issues decisions,
 * and may extend the decision limit with a recorded reason (EHDS art. 68(4)).
 */
const approverWork: Command[] = ['read_case', 'claim', 'release', 'assign', 'add_note', 'open_legal_matter', 'resolve_legal_matter', 'extend_clock', 'issue_decision', 'return_draft', 'attach_document'];

/** In review, and (unchanged) while a consultation is out. */
const inReview: Partial<Record<LifecycleRole, Command[]>> = {
  // The applicant answers a hearing on draft grounds for refusal (forvaltningsloven § 19).
  // The applicant attaches documents to the case while it is open (the protocol, contracts, …); staff attach
  // what the file must hold, e.g. a hearing answer or a legal opinion (forvaltningsloven § 15).
  researcher: ['read_case', 'withdraw', 'answer_hearing', 'attach_document'],
  // `reassign`: an admin hands an absent person's open cases on in bulk, through the kernel as system (ReassignCases).
  system: ['screen', 'lapse_consultation', 'reassign'],
  caseworker: staffWork,
  legal_approver: approverWork,
  advisor: ['read_case', 'answer_consultation'],
  controller: ['read_case', 'controller_decide'],
  auditor: ['read_case'],
};

export const LIFECYCLE: Table = {
  // Before submission the applicant may share the draft with a region's data-support centre, whose advisors comment (pre-screening).
  draft: { researcher: ['edit_draft', 'check', 'submit', 'withdraw', 'attach_document', 'share_draft'], advisor: ['comment_draft'] },
  submitted: { researcher: ['read_case', 'withdraw', 'attach_document'], system: ['screen', 'reassign'], caseworker: ['read_case', 'claim', 'release', 'assign'], legal_approver: ['read_case', 'claim', 'release', 'assign'], auditor: ['read_case'] },
  screening: { researcher: ['read_case', 'withdraw', 'attach_document'], system: ['screen', 'reassign'], caseworker: ['read_case', 'claim', 'release', 'assign'], legal_approver: ['read_case', 'claim', 'release', 'assign'], auditor: ['read_case'] },
  in_review: inReview,
  awaiting_applicant: {
    researcher: ['read_case', 'edit_draft', 'check', 'resubmit', 'withdraw', 'attach_document'],
    caseworker: ['read_case', 'claim', 'release', 'assign', 'add_note', 'consult', 'open_legal_matter', 'resolve_legal_matter', 'attach_document'],
    legal_approver: ['read_case', 'claim', 'release', 'assign', 'add_note', 'open_legal_matter', 'resolve_legal_matter', 'attach_document'],
    system: ['lapse_consultation', 'reassign'],
    advisor: ['read_case', 'answer_consultation'],
    controller: ['read_case'],
    auditor: ['read_case'],
  },
  // A consultation informs and never blocks (DESIGN.md §3): the same commands as in review, so a
  // consultation about one part stops neither the work on the others nor a controller's decision.
  consultation: inReview,
  awaiting_controller: {
    researcher: ['read_case', 'withdraw', 'answer_hearing', 'attach_document'],
    caseworker: ['read_case', 'claim', 'release', 'assign', 'add_note', 'consult', 'open_legal_matter', 'resolve_legal_matter', 'extend_clock', 'draft_decision', 'hear_party', 'attach_document'],
    legal_approver: approverWork,
    advisor: ['read_case', 'answer_consultation'],
    controller: ['read_case', 'controller_decide'],
    auditor: ['read_case'],
    system: ['lapse_consultation', 'reassign'],
  },
  decided: {
    // The permit holder answers a hearing before a revocation (EHDS art. 63; forvaltningsloven § 19).
    researcher: ['read_case', 'answer_hearing'],
    // After the decision: staff register an appeal (klage) or a request to reopen (genoptagelse); the
    // authority reconsiders and forwards the appeal to the appeal body (forvaltningsloven § 25) or
    // drafts a new decision superseding the old, issued by another person (four eyes).
    caseworker: ['read_case', 'add_note', 'draft_decision', 'register_appeal', 'forward_appeal', 'register_reopening_request', 'decide_reopening', 'attach_document'],
    legal_approver: ['read_case', 'issue_decision', 'return_draft', 'hear_permit_holder', 'revoke_permit', 'forward_appeal', 'decide_reopening', 'attach_document'],
    // A decision on a collaborative part is the controller's own: on an appeal it changes it (a new
    // decision superseding the old, `controller_decide`) or maintains it (`controller_maintain`),
    // after which the contact point forwards the appeal; on a reopened request it decides anew.
    controller: ['read_case', 'controller_decide', 'controller_maintain'],
    advisor: ['read_case'],
    auditor: ['read_case'],
  },
  withdrawn: { researcher: ['read_case'], caseworker: ['read_case'], legal_approver: ['read_case'], controller: ['read_case'], advisor: ['read_case'], auditor: ['read_case'] },
};

export function isOpen(state: CaseState): boolean {
  return OPEN_STATES.includes(state);
}

export function isHandling(state: CaseState): boolean {
  return HANDLING_STATES.includes(state);
}

export function allowedCommands(state: CaseState, role: LifecycleRole): Command[] {
  return LIFECYCLE[state][role] ?? [];
}

export function isCommandAllowed(state: CaseState, role: LifecycleRole, command: Command): boolean {
  return allowedCommands(state, role).includes(command);
}

/** A refusal by the lifecycle table (`command-not-allowed`); the role is for wording only, not answered. */
export class CommandNotAllowedError extends DomainError {
  constructor(
    readonly state: CaseState,
    readonly role: LifecycleRole,
    readonly command: Command,
  ) {
    super('command-not-allowed', `A ${role} cannot ${command.replace(/_/g, ' ')} when the case is ${state.replace(/_/g, ' ')}.`, { state, command });
  }
}

export function assertCommandAllowed(state: CaseState, role: LifecycleRole, command: Command): void {
  if (!isCommandAllowed(state, role, command)) throw new CommandNotAllowedError(state, role, command);
}
