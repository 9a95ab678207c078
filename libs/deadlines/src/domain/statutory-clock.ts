import { SubCaseRecord } from '@kp/cases';
import { ClockEvent, ClockEventType, ClockPolicies, computeClock, copenhagenDateOf, DanishCalendar, endOfCopenhagenDay } from '@kp/clock';

export interface StoredClockEvent {
  type: string;
  at: Date;
  reason: string | null;
  extensionMonths: number | null;
}

export function toClockEvents(rows: StoredClockEvent[]): ClockEvent[] {
  return rows.map((e) => ({ type: e.type as ClockEventType, at: new Date(e.at), reason: e.reason ?? undefined, extensionMonths: e.extensionMonths ?? undefined }));
}

const isOpen = (s: SubCaseRecord) => s.state !== 'decided' && s.state !== 'withdrawn';

/**
 * Checks that `next` may join the case's clock history, for the clock of every open sub-case (each
 * runs on its track's policy): computeClock with the event appended throws the clock's typed
 * ClockEventError / ClockExtensionError when it may not, before anything is stored.
 */
export function assertClockAccepts(policies: ClockPolicies, history: ClockEvent[], next: ClockEvent, subCases: SubCaseRecord[], calendar: DanishCalendar): void {
  for (const s of subCases.filter(isOpen)) computeClock(policies[s.track], [...history, next], next.at, calendar);
}

/**
 * When the applicant's answer to a request for supplement is due: the completion limit (EHDS art.
 * 68(4): 4 weeks) from the request, the strictest track of the open sub-cases governing, rolled to a
 * working day and ending with that day in Copenhagen.
 */
export function supplementAnswerDue(policies: ClockPolicies, subCases: SubCaseRecord[], requestedAt: Date, calendar: DanishCalendar): Date {
  const open = subCases.filter(isOpen);
  const weeks = Math.min(...(open.length ? open : subCases).map((s) => policies[s.track].completionLimit.weeks));
  return endOfCopenhagenDay(calendar.nextWorkingDayFrom(copenhagenDateOf(requestedAt).plusDays(weeks * 7)));
}
