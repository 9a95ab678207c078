import type { PartyHearingRecord } from '../infrastructure/party-hearing.repository';

/**
 * Where the hearing of a permit's holder stands before a revocation (EHDS art. 63; forvaltningsloven
 * § 19): `none` — not heard yet; `open` — the holder still has time to answer; `heard` — a hearing
 * was answered, or its deadline passed unanswered, so the revocation may be decided.
 */
export type RevocationHearingStatus = { status: 'none' } | { status: 'open'; hearing: PartyHearingRecord } | { status: 'heard'; hearing: PartyHearingRecord };

export function revocationHearingStatus(hearings: PartyHearingRecord[], at: Date): RevocationHearingStatus {
  const held = hearings.filter((h) => h.subject === 'revocation' && h.kind === 'held');
  const open = held.find((h) => h.answeredAt === null && new Date(h.answerDueAt!) > at);
  if (open) return { status: 'open', hearing: open };
  const heard = held.at(-1);
  return heard ? { status: 'heard', hearing: heard } : { status: 'none' };
}
