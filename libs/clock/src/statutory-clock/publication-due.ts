import { endOfCopenhagenDay } from '../calendar/copenhagen-time';
import { DanishCalendar } from '../calendar/danish-calendar';
import { ClockPolicy } from '../policy/clock-policy';

let shared: DanishCalendar | undefined;

/**
 * When a decision, with its reasons, must be published: within `publishDecisionWithin` working
 * days of the decision (EHDS art. 57(1)(j): 30 working days), i.e. by the end of that Copenhagen day.
 */
export function publicationDueAt(decidedAt: Date, policy: ClockPolicy, calendar?: DanishCalendar): Date {
  const days = (calendar ?? (shared ??= new DanishCalendar())).addWorkingDays(
    decidedAt,
    policy.publishDecisionWithin.workingDays,
  );
  return endOfCopenhagenDay(days);
}
