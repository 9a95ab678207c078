import type { CaseFactsOf } from './case-facts';
import type { CaseRecord, ConsultationRecord, SubCaseRecord } from './records';
import { isOpenSubCase } from './states';

/** Who a sub-case can wait on; a party is one of these, qualified by region or organisation where it has one. */
export const WAITING_ROLES = ['applicant', 'caseworker', 'advisor', 'legal_approver', 'controller'] as const;
export type WaitingRole = (typeof WAITING_ROLES)[number];

/**
 * The deadline that applies to a wait: the statutory decision clock (EHDS art. 68(4)), a
 * consultation's deadline, the applicant's deadline to complete the application (4 weeks), or the
 * applicant's deadline to comment on draft grounds for refusal (partshøring, forvaltningsloven § 19).
 */
export const DEADLINE_KINDS = ['statutory', 'consultation', 'supplement', 'hearing'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface WaitingParty {
  /** `applicant`, `caseworker`, `advisor:<region>`, `legal_approver` or `controller:<organisation>`. */
  party: string;
  role: WaitingRole;
  deadlineKind: DeadlineKind | null;
  deadlineAt: Date | null;
}

export interface WaitingInput {
  c: Pick<CaseRecord, 'state'>;
  subCases: SubCaseRecord[];
  consultations: ConsultationRecord[];
  facts: Pick<CaseFactsOf, 'pendingDrafts' | 'openSupplementRequests' | 'openHearings'>;
  /** Each open sub-case's statutory due time (its clock's dueAt); absent when no clock runs. */
  statutoryDue: Record<string, Date | undefined>;
}

const earliest = (dates: Date[]): Date | null => (dates.length ? new Date(Math.min(...dates.map((d) => d.getTime()))) : null);

function party(role: WaitingRole, qualifier: string | null, deadlineKind: DeadlineKind, deadlineAt: Date | null | undefined): WaitingParty {
  const at = deadlineAt ?? null;
  return { party: qualifier ? `${role}:${qualifier}` : role, role, deadlineKind: at ? deadlineKind : null, deadlineAt: at };
}

/**
 * Whom each sub-case waits on now, derived from state (DESIGN.md §3, §8: "make waiting visible"):
 * - while the case is submitted or screening, nobody — the worker screens it;
 * - while the case awaits the applicant, the applicant, by the answer date of the request for supplement;
 * - a part in review waits on the caseworker, one awaiting approval on a legal approver, one sent to its
 *   controller on that controller, each by the sub-case's statutory due date;
 * - an open consultation on the part (or on the whole case) adds its region's advisors, by its deadline —
 *   it informs and never blocks, but someone still owes an answer;
 * - a hearing on draft grounds for refusal of the part adds the applicant, by its answer date
 *   (forvaltningsloven § 19): the statutory clock runs on, but the wait is on record;
 * - a decided part with a correcting draft waits on a legal approver (no statutory clock runs any more).
 */
export function waitingParties(input: WaitingInput): Map<string, WaitingParty[]> {
  const { c, facts } = input;
  const result = new Map<string, WaitingParty[]>();
  for (const s of input.subCases) {
    const waits: WaitingParty[] = [];
    const due = input.statutoryDue[s.id];
    if (isOpenSubCase(s.state) && c.state !== 'withdrawn') {
      if (c.state === 'awaiting_applicant') {
        const requests = facts.openSupplementRequests.filter((r) => r.subCaseId === null || r.subCaseId === s.id);
        waits.push(party('applicant', null, 'supplement', earliest(requests.map((r) => r.answerDueAt))));
      } else if (c.state !== 'submitted' && c.state !== 'screening') {
        if (s.state === 'in_review') waits.push(party('caseworker', null, 'statutory', due));
        if (s.state === 'awaiting_approval') waits.push(party('legal_approver', null, 'statutory', due));
        if (s.state === 'awaiting_controller') waits.push(party('controller', s.controllerOrg ?? s.dataSourceId, 'statutory', due));
      }
      const hearings = (facts.openHearings ?? []).filter((h) => h.subCaseId === s.id);
      if (hearings.length && c.state !== 'awaiting_applicant') waits.push(party('applicant', null, 'hearing', earliest(hearings.map((h) => h.answerDueAt))));
      const consultations = input.consultations.filter((k) => k.state === 'open' && (k.subCaseId === null || k.subCaseId === s.id));
      for (const region of [...new Set(consultations.map((k) => k.advisorRegion))].sort()) {
        waits.push(party('advisor', region, 'consultation', earliest(consultations.filter((k) => k.advisorRegion === region).map((k) => k.deadline))));
      }
    } else if (s.state === 'decided' && facts.pendingDrafts.some((d) => d.subCaseId === s.id)) {
      waits.push(party('legal_approver', null, 'statutory', null));
    }
    result.set(s.id, waits);
  }
  return result;
}
