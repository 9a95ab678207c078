import { ClockEventType } from '@kp/clock';
import { Command } from './lifecycle';
import type { SubCaseRecord } from './records';
import { CaseKind, CaseState, isOpenSubCase, SUB_CASE_STATES, SubCaseState } from './states';

export { CASE_KINDS } from './states';
export type { CaseKind } from './states';

/**
 * Guards for commands whose effect depends on more than state; the kernel evaluates them by name.
 * - `no_pending_consultation`: no open consultation within its deadline remains (a consultation
 *   informs; it never holds the case past its deadline — DESIGN.md §3).
 */
export const CASE_GUARDS = ['no_pending_consultation'] as const;
export type CaseGuard = (typeof CASE_GUARDS)[number];

/** `derived`: the case's state follows from its sub-cases ({@link deriveCaseState}). */
export interface CaseEffect {
  /** Only a case in one of these states moves; in any other it keeps its state. Absent: any state. */
  from?: readonly CaseState[];
  to: CaseState | 'derived';
  guard?: CaseGuard;
}

/** The sub-cases the command names (or all, for `all`) in one of `from` move to `to`; others keep theirs. */
export interface SubCaseEffect {
  scope: 'named' | 'all';
  from: readonly SubCaseState[];
  to: SubCaseState;
}

export interface StateEffect {
  subCase?: SubCaseEffect;
  case?: CaseEffect;
  /** The statutory clock event the command records (EHDS art. 68(4)). */
  clock?: ClockEventType;
}

const OPEN_SUB_CASE_STATES: readonly SubCaseState[] = SUB_CASE_STATES.filter(isOpenSubCase);
const consultationSettled: CaseEffect = { from: ['consultation'], to: 'in_review', guard: 'no_pending_consultation' };

/**
 * What each command does to state, as data beside the permission table (REMS's workflow table: an
 * event both grants and moves state). Keyed by case kind, so a new kind of case (an amendment, a
 * statistics request) is a new row set, not a new code path. Commands not listed change no state
 * (they may still give the case a new version).
 */
const APPLICATION_EFFECTS: Partial<Record<Command, StateEffect>> = {
  // Screening puts the case in review; a consultation already out keeps it waiting there.
  screen: { subCase: { scope: 'all', from: ['pending_screening'], to: 'in_review' }, case: { from: ['submitted', 'screening', 'in_review'], to: 'in_review' } },
  consult: { case: { from: ['in_review'], to: 'consultation' } },
  answer_consultation: { case: consultationSettled },
  lapse_consultation: { case: consultationSettled },
  // The clock stops while the case waits for the applicant (EHDS art. 68(4)).
  request_supplement: { case: { to: 'awaiting_applicant' }, clock: 'paused' },
  resubmit: { case: { to: 'screening' }, clock: 'resumed' },
  // An extension needs a recorded reason and stays within EHDS art. 68(4)'s limit (checked by the command).
  extend_clock: { clock: 'extended' },
  withdraw: { subCase: { scope: 'all', from: OPEN_SUB_CASE_STATES, to: 'withdrawn' }, case: { to: 'withdrawn' }, clock: 'withdrawn' },
  // Four eyes: a draft waits for a legal approver; a correcting draft leaves a decided part decided.
  draft_decision: { subCase: { scope: 'named', from: ['in_review'], to: 'awaiting_approval' } },
  return_draft: { subCase: { scope: 'named', from: ['awaiting_approval'], to: 'in_review' } },
  recommend: { subCase: { scope: 'named', from: ['in_review'], to: 'awaiting_controller' }, case: { to: 'derived' } },
  issue_decision: { subCase: { scope: 'named', from: ['awaiting_approval', 'decided'], to: 'decided' }, case: { to: 'derived' } },
  controller_decide: { subCase: { scope: 'named', from: ['awaiting_controller', 'decided'], to: 'decided' }, case: { to: 'derived' } },
};

export const STATE_EFFECTS: Record<CaseKind, Partial<Record<Command, StateEffect>>> = {
  application: APPLICATION_EFFECTS,
  // An amendment is screened and decided like an application, only for the parts it changes, under
  // the same clock (EHDS art. 68(4)); its sub-cases are the changed parts (submit decides which).
  amendment: APPLICATION_EFFECTS,
  // An extension is the same steps with no new data: one sub-case per part of the permit, each for
  // the authority that granted it.
  extension: APPLICATION_EFFECTS,
  // A statistics-only request (EHDS art. 69) has its own form and rules but is decided like the others.
  statistics: APPLICATION_EFFECTS,
};

export function stateEffect(kind: CaseKind, command: Command): StateEffect {
  return STATE_EFFECTS[kind][command] ?? {};
}

/**
 * The case's state from its sub-cases: decided when none is open, awaiting the controller when
 * every open one waits for its controller, otherwise what it was.
 */
export function deriveCaseState(current: CaseState, subCases: Pick<SubCaseRecord, 'state'>[]): CaseState {
  const open = subCases.filter((s) => isOpenSubCase(s.state));
  if (open.length === 0) return subCases.some((s) => s.state === 'decided') ? 'decided' : current;
  if (open.every((s) => s.state === 'awaiting_controller')) return 'awaiting_controller';
  return current;
}

/** The state a command leads to from `current`, before guards: for the permission document. */
export function nextStateLabel(kind: CaseKind, command: Command, current: CaseState): string | undefined {
  const effect = stateEffect(kind, command).case;
  if (!effect || (effect.from && !effect.from.includes(current))) return undefined;
  if (effect.to === 'derived') return 'derived';
  return effect.to === current ? undefined : effect.guard ? `${effect.to} if ${effect.guard.replace(/_/g, ' ')}` : effect.to;
}
