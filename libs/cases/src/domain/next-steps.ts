import type { Actor } from '@kp/auth';
import { controls } from '../access/case-access';
import type { CaseFactsOf } from './case-facts';
import { allowedCommands, Command } from './lifecycle';
import type { CaseRecord, ConsultationRecord, LegalMatterRecord, SubCaseRecord } from './records';
import { isOpenSubCase, SubCaseState } from './states';

/**
 * One command this actor may send now, with the object it is about: the sub-case, the draft to
 * issue or return, the consultation to answer, the legal matter to resolve, the permit to revoke.
 */
export interface NextStep {
  command: Command;
  subCaseId?: string;
  draftId?: string;
  consultationId?: string;
  legalMatterId?: string;
  permitId?: string;
  /** The hearing on draft grounds for refusal to answer (forvaltningsloven § 19). */
  hearingId?: string;
  /** The appeal to forward to the appeal body after reconsidering it (forvaltningsloven § 25), or, for the controller, to answer by changing or maintaining its decision. */
  appealId?: string;
  /** The request to reopen the case to grant or refuse (genoptagelse). */
  reopeningRequestId?: string;
  /** A decision the controller may make now only as a rejection: an approval waits for these legal matters. */
  approvalBlockedBy?: string[];
}

export interface NextSteps {
  /** Commands about the whole case (claim, supplement, extension, withdrawal …). */
  case: NextStep[];
  /** Commands about one part, by sub-case id (only the parts this actor may see). */
  subCases: Record<string, NextStep[]>;
}

export interface StepSituation {
  actor: Actor;
  c: CaseRecord;
  /** Every sub-case of the case (a supplement depends on them all). */
  subCases: SubCaseRecord[];
  /** The sub-cases this actor may see: the parts that get steps. */
  visibleSubCases: SubCaseRecord[];
  consultations: ConsultationRecord[];
  legalMatters: LegalMatterRecord[];
  facts: CaseFactsOf;
  /** The actor declared a conflict of interest in the applicant organisation (forvaltningsloven § 3). */
  conflicted: boolean;
  /** The statutory clock of every open part would take a pause now (a request for supplement). */
  clockTakesPause: boolean;
  /** The statutory clock of every open part would take a one-month extension with a reason now. */
  clockTakesExtension: boolean;
}

/** Commands the worker sends, and reading: never a next step for a person. */
const NOT_A_STEP: readonly Command[] = ['read_case', 'screen', 'lapse_consultation'];

/** Parts judged on the application as it stands: a supplement would change it under them (RequestSupplement). */
const SETTLED_FOR_SUPPLEMENT: readonly SubCaseState[] = ['decided', 'awaiting_approval', 'awaiting_controller'];

/**
 * The commands this actor may send now, per sub-case: the lifecycle table (state × role) narrowed by
 * the guards each use case applies after it — who holds the case, four eyes, a pending draft, open
 * blocking legal matters, the track, the sub-case's state, the statutory clock, impartiality — so a
 * listed step is one the API accepts (barring the content of the request and a race with another
 * person). test/next-steps.e2e-spec.ts runs every listed step through HTTP to hold it to that.
 */
export function nextSteps(s: StepSituation): NextSteps {
  const { actor, c, facts } = s;
  const allowed = new Set(allowedCommands(c.state, actor.role).filter((command) => !NOT_A_STEP.includes(command)));
  // Impartiality: a conflicted person may only hand the case on (WorkOnCase).
  if (s.conflicted) for (const command of [...allowed]) if (command !== 'release') allowed.delete(command);
  // A member of the application's team reads; only the applicant acts (WorkOnCase).
  if (actor.role === 'researcher' && c.applicantSub !== actor.sub) allowed.clear();
  const may = (command: Command) => allowed.has(command);

  const caseSteps: NextStep[] = [];
  const add = (step: NextStep) => caseSteps.push(step);
  if (may('claim') && c.assigneeSub === null) add({ command: 'claim' });
  if (may('release') && c.assigneeSub === actor.sub) add({ command: 'release' });
  if (may('assign')) add({ command: 'assign' });
  for (const command of ['edit_draft', 'check', 'resubmit', 'withdraw', 'add_note', 'request_rescreen', 'consult'] as const) if (may(command)) add({ command });
  if (may('request_supplement') && s.clockTakesPause && !s.subCases.some((x) => SETTLED_FOR_SUPPLEMENT.includes(x.state))) add({ command: 'request_supplement' });
  if (may('extend_clock') && s.clockTakesExtension) add({ command: 'extend_clock' });
  // A revocation follows a hearing of the holder (EHDS art. 63): first the hearing, then, once answered or lapsed, the revocation.
  // (Without one it needs an urgency reason, forvaltningsloven § 19, stk. 2: the exception, not a step to offer.)
  if (may('hear_permit_holder')) for (const permit of facts.activePermits.filter((p) => p.revocationHearing !== 'open')) add({ command: 'hear_permit_holder', permitId: permit.id });
  if (may('revoke_permit')) for (const permit of facts.activePermits.filter((p) => p.revocationHearing === 'heard')) add({ command: 'revoke_permit', permitId: permit.id });
  if (may('answer_hearing') && c.applicantSub === actor.sub) for (const h of facts.openHearings.filter((h) => h.permitId)) add({ command: 'answer_hearing', hearingId: h.id, permitId: h.permitId! });
  if (may('answer_consultation')) for (const k of answerable(s).filter((k) => k.subCaseId === null)) add({ command: 'answer_consultation', consultationId: k.id });

  const subCases: Record<string, NextStep[]> = {};
  for (const sub of s.visibleSubCases) subCases[sub.id] = subCaseSteps(s, sub, may);
  return { case: caseSteps, subCases };
}

function answerable(s: StepSituation): ConsultationRecord[] {
  if (s.actor.role !== 'advisor' || !s.actor.region) return [];
  return s.consultations.filter((k) => k.state === 'open' && k.advisorRegion === s.actor.region);
}

function subCaseSteps(s: StepSituation, sub: SubCaseRecord, may: (command: Command) => boolean): NextStep[] {
  const { actor, facts } = s;
  const steps: NextStep[] = [];
  const on = (command: Command, extra: Omit<NextStep, 'command' | 'subCaseId'> = {}) => steps.push({ command, subCaseId: sub.id, ...extra });
  const open = isOpenSubCase(sub.state);
  const draft = facts.pendingDrafts.find((d) => d.subCaseId === sub.id);
  const blocking = s.legalMatters.filter((m) => m.subCaseId === sub.id && m.blocking && m.state === 'open').map((m) => m.id);

  // DraftDecision: the central track, a part in review (or decided, for a correction), no draft pending.
  if (may('draft_decision') && sub.track === 'central' && (sub.state === 'in_review' || sub.state === 'decided') && !draft) on('draft_decision');
  // Recommend: the collaborative track, a part in review.
  if (may('recommend') && sub.track === 'collaborative' && sub.state === 'in_review') on('recommend');
  if (draft) {
    // IssueDecision: four eyes, and an approval only once the blocking legal matters are resolved.
    if (may('issue_decision') && draft.draftedBy !== actor.sub && !(draft.approving && blocking.length > 0)) on('issue_decision', { draftId: draft.id });
    if (may('return_draft')) on('return_draft', { draftId: draft.id });
  }
  // ControllerDecide: the controller of this source, once the recommendation is in.
  if (may('controller_decide') && sub.state === 'awaiting_controller' && controls(actor, sub)) on('controller_decide', blocking.length ? { approvalBlockedBy: blocking } : {});
  if (may('consult') && open) on('consult');
  if (may('open_legal_matter') && open) on('open_legal_matter');
  if (may('resolve_legal_matter')) for (const m of s.legalMatters.filter((m) => m.subCaseId === sub.id && m.state === 'open')) on('resolve_legal_matter', { legalMatterId: m.id });
  if (may('answer_consultation')) for (const k of answerable(s).filter((k) => k.subCaseId === sub.id)) on('answer_consultation', { consultationId: k.id });
  // HearParty: before drafting a refusal of a part in review, one hearing at a time (forvaltningsloven § 19).
  const hearings = facts.openHearings.filter((h) => h.subCaseId === sub.id);
  if (may('hear_party') && sub.state === 'in_review' && !draft && hearings.length === 0) on('hear_party');
  // AnswerHearing: the applicant, on each hearing still open.
  if (may('answer_hearing') && s.c.applicantSub === actor.sub) for (const h of hearings) on('answer_hearing', { hearingId: h.id });
  // After the decision: an appeal under reconsideration is forwarded (or the decision changed by a new
  // draft); a request to reopen is granted or refused.
  const reconsiderations = facts.openReconsiderations.filter((r) => r.subCaseId === sub.id);
  // On a collaborative part the controller reconsiders first: it changes its decision or maintains it; the contact point forwards after.
  if (may('forward_appeal')) for (const r of reconsiderations.filter((r) => r.kind === 'appeal' && r.state === 'reconsidering' && !r.awaitingController)) on('forward_appeal', { appealId: r.id });
  if (sub.state === 'decided' && controls(actor, sub)) {
    for (const r of reconsiderations.filter((r) => r.awaitingController)) {
      const about = r.kind === 'appeal' ? { appealId: r.id } : { reopeningRequestId: r.id };
      if (may('controller_decide')) on('controller_decide', { ...about, ...(blocking.length ? { approvalBlockedBy: blocking } : {}) });
      if (may('controller_maintain') && r.kind === 'appeal') on('controller_maintain', about);
    }
  }
  if (may('decide_reopening')) for (const r of reconsiderations.filter((r) => r.kind === 'reopening' && r.state === 'requested')) on('decide_reopening', { reopeningRequestId: r.id });
  return steps;
}
