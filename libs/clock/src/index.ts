export { LocalDate } from './calendar/local-date';
export type { IsoWeekday } from './calendar/local-date';
export {
  DANISH_TIME_ZONE,
  copenhagenDateOf,
  startOfCopenhagenDay,
  endOfCopenhagenDay,
} from './calendar/copenhagen-time';
export { DanishCalendar } from './calendar/danish-calendar';
export type { DanishCalendarOptions, DayInput } from './calendar/danish-calendar';
export { CLOCK_TRACKS, DEFAULT_CLOCK_POLICIES, EHDS_LIMITS, TRACKS } from './policy/clock-policy';
export type { ClockPolicies, ClockPolicy, ClockTrack, Track } from './policy/clock-policy';
export { ClockPolicyError, resolveClockPolicies, validateClockPolicy } from './policy/validate-clock-policy';
export type {
  ClockEvent,
  ClockEventType,
  ClockExtension,
  ClockPhase,
  ClockState,
  PausedPeriod,
} from './statutory-clock/clock-event';
export { ClockError, ClockEventError, ClockExtensionError } from './statutory-clock/clock-errors';
export type { ClockEventErrorCode, ClockExtensionErrorCode } from './statutory-clock/clock-errors';
export { computeClock } from './statutory-clock/compute-clock';
export { publicationDueAt } from './statutory-clock/publication-due';
export { BusinessClock, SettableClock, SystemClock } from './business-clock/business-clock';
