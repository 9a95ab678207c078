import { HearingClosedReason, PartyHearingRecord } from '../infrastructure/party-hearing.repository';

export interface PartyHearingView {
  id: string;
  /** `refusal`: before refusing the part `subCaseId`; `revocation`: before revoking the permit `permitId` (EHDS art. 63). */
  subject: 'refusal' | 'revocation';
  subCaseId: string | null;
  permitId: string | null;
  /** `held`: the draft grounds were sent; `dispensed`: no hearing, for the recorded reason (§ 19, stk. 2). */
  kind: 'held' | 'dispensed';
  draftGrounds: string | null;
  answerDueAt: string | null;
  dispensedReason: string | null;
  sentAt: string;
  answer: string | null;
  answeredAt: string | null;
  /** Closed unanswered, and why (`application_withdrawn`): nobody waits for an answer any more. */
  closedAt: string | null;
  closedReason: HearingClosedReason | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function partyHearingView(h: PartyHearingRecord): PartyHearingView {
  return {
    id: h.id,
    subject: h.subject,
    subCaseId: h.subCaseId,
    permitId: h.permitId,
    kind: h.kind,
    draftGrounds: h.draftGrounds,
    answerDueAt: iso(h.answerDueAt),
    dispensedReason: h.dispensedReason,
    sentAt: new Date(h.sentAt).toISOString(),
    answer: h.answer,
    answeredAt: iso(h.answeredAt),
    closedAt: iso(h.closedAt ?? null),
    closedReason: h.closedReason ?? null,
  };
}
