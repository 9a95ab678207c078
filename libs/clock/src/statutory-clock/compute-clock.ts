import { copenhagenDateOf, endOfCopenhagenDay } from '../calendar/copenhagen-time';
import { DanishCalendar } from '../calendar/danish-calendar';
import { LocalDate } from '../calendar/local-date';
import { ClockPolicy } from '../policy/clock-policy';
import { ClockEventError, ClockExtensionError } from './clock-errors';
import { ClockEvent, ClockExtension, ClockState, PausedPeriod } from './clock-event';

interface Pause {
  readonly from: Date;
  readonly fromDate: LocalDate;
  to?: Date;
  toDate?: LocalDate;
  /** False for a pause begun after the limit had expired: it cannot revive an expired limit. */
  readonly moves: boolean;
}

interface Run {
  limit: 'completion' | 'decision';
  startedAt: Date;
  startDate: LocalDate;
  pauses: Pause[];
  extensions: ClockExtension[];
  stop?: { at: Date; by: 'decided' | 'withdrawn' };
}

function extendedBy(run: Run): number {
  return run.extensions.reduce((total, extension) => total + extension.months, 0);
}

/**
 * Calendar days a pause moves the due date, counted as Copenhagen dates: paused on 1 April and
 * resumed on 8 April is 7 days; paused and resumed the same day is 0. An open pause counts up to
 * `until`. Calendar days, not working days, because the limit itself is in months/weeks (EHDS art.
 * 68(4)): the clock stands still for as many days as it waited, and the due date is then rolled to
 * a working day once.
 */
function pauseDays(pause: Pause, until: LocalDate): number {
  if (!pause.moves) return 0;
  return Math.max(0, pause.fromDate.daysUntil(pause.toDate ?? until));
}

/**
 * The limit counts from the day after the start (Regulation 1182/71 art. 3(1)): 3 months from
 * 15 January ends 15 April; 4 weeks from a Thursday ends on a Thursday. Extensions lengthen the
 * one period (months counted from the start), then pauses push it out, then a weekend or holiday
 * rolls it to the next working day (art. 3(4)).
 */
function dueDate(run: Run, policy: ClockPolicy, calendar: DanishCalendar, until: LocalDate): LocalDate {
  const limitEnd =
    run.limit === 'completion'
      ? run.startDate.plusDays(policy.completionLimit.weeks * 7)
      : run.startDate.plusMonths(policy.decisionLimit.months + extendedBy(run));
  const paused = run.pauses.reduce((days, pause) => days + pauseDays(pause, until), 0);
  return calendar.nextWorkingDayFrom(limitEnd.plusDays(paused));
}

function start(limit: Run['limit'], at: Date): Run {
  return { limit, startedAt: at, startDate: copenhagenDateOf(at), pauses: [], extensions: [] };
}

function openPause(run: Run): Pause | undefined {
  const last = run.pauses[run.pauses.length - 1];
  return last && !last.to ? last : undefined;
}

function closePause(run: Run, at: Date): void {
  const pause = openPause(run);
  if (pause) {
    pause.to = at;
    pause.toDate = copenhagenDateOf(at);
  }
}

function extend(run: Run, event: ClockEvent, policy: ClockPolicy, calendar: DanishCalendar): void {
  const months = event.extensionMonths;
  const reason = event.reason?.trim() ?? '';
  if (run.limit !== 'decision') {
    throw new ClockExtensionError(
      'not_in_decision_phase',
      'only the decision limit of a complete application can be extended',
    );
  }
  if (reason === '') {
    throw new ClockExtensionError('reason_required', 'an extension needs a recorded reason (EHDS art. 68(4))');
  }
  if (typeof months !== 'number' || !Number.isInteger(months) || months < 1) {
    throw new ClockExtensionError('invalid_months', `extension must be a whole number of months, got ${String(months)}`);
  }
  const cap = policy.maxExtension.months;
  if (extendedBy(run) + months > cap) {
    throw new ClockExtensionError(
      'cap_exceeded',
      `extensions would total ${extendedBy(run) + months} months; at most ${cap} (EHDS art. 68(4))`,
    );
  }
  const on = copenhagenDateOf(event.at);
  if (on.isAfter(dueDate(run, policy, calendar, on))) {
    throw new ClockExtensionError('limit_expired', 'the decision limit has already expired and cannot be extended');
  }
  run.extensions.push({ months, reason, at: event.at });
}

function apply(run: Run | undefined, event: ClockEvent, policy: ClockPolicy, calendar: DanishCalendar): Run {
  if (!run) {
    if (event.type !== 'received') {
      throw new ClockEventError('not_received', `${event.type} before the application was received`);
    }
    return start('completion', event.at);
  }
  switch (event.type) {
    case 'received':
      throw new ClockEventError('received_twice', 'the application was already received');
    case 'completed':
      if (run.limit === 'decision') throw new ClockEventError('completed_twice', 'the application was already complete');
      // Completion ends any wait for the applicant; the decision clock starts afresh (art. 68(4)).
      return start('decision', event.at);
    case 'paused': {
      if (openPause(run)) throw new ClockEventError('already_paused', 'the clock is already paused');
      const on = copenhagenDateOf(event.at);
      run.pauses.push({ from: event.at, fromDate: on, moves: !on.isAfter(dueDate(run, policy, calendar, on)) });
      return run;
    }
    case 'resumed':
      if (!openPause(run)) throw new ClockEventError('not_paused', 'resumed a clock that was not paused');
      closePause(run, event.at);
      return run;
    case 'extended':
      extend(run, event, policy, calendar);
      return run;
    case 'decided':
    case 'withdrawn':
      closePause(run, event.at);
      run.stop = { at: event.at, by: event.type };
      return run;
  }
}

function assertInstant(at: unknown, what: string): void {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) {
    throw new ClockEventError('invalid_instant', `${what} is not a valid instant`);
  }
}

/**
 * The statutory clock of one case (or sub-case) as of `now`, computed from its events; a pure
 * function, so the case view, the queue ordering and the at-risk job all agree.
 *
 * EHDS art. 68(4): the decision is due 3 months after the application is complete; until then an
 * incomplete application has 4 weeks from receipt to be completed. Waiting for the applicant
 * (`paused` … `resumed`) stops the clock; an extension with a recorded reason lengthens the
 * decision limit, capped by `policy.maxExtension`.
 *
 * Events are taken in time order (ties keep their given order, so pass `received` before
 * `completed` for an application complete on arrival). Events after `now` are not yet history and
 * are ignored, as is anything after the first `decided`/`withdrawn`. To validate a new event, call
 * this with it appended before recording it: it throws the same `ClockEventError` /
 * `ClockExtensionError`.
 */
export function computeClock(
  policy: ClockPolicy,
  events: readonly ClockEvent[],
  now: Date,
  calendar: DanishCalendar,
): ClockState {
  assertInstant(now, 'now');
  events.forEach((event, index) => assertInstant(event.at, `events[${index}].at`));
  const history = [...events]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .filter((event) => event.at.getTime() <= now.getTime());

  let run: Run | undefined;
  for (const event of history) {
    if (run?.stop) break;
    run = apply(run, event, policy, calendar);
  }
  if (!run) throw new ClockEventError('not_received', 'no received event at or before now');

  const asOf = copenhagenDateOf(run.stop?.at ?? now);
  const due = dueDate(run, policy, calendar, asOf);
  const isPaused = (day: LocalDate): boolean =>
    run.pauses.some((pause) => pause.moves && pause.fromDate.isBefore(day) && !day.isAfter(pause.toDate ?? asOf));

  let daysUsed = 0;
  if (!run.pauses.some((pause) => pause.moves)) {
    // Nothing stopped the clock: the working days after the start up to asOf.
    daysUsed = Math.max(0, calendar.workingDaysBetween(run.startDate, asOf));
  } else {
    for (let day = run.startDate.plusDays(1); !day.isAfter(asOf); day = day.plusDays(1)) {
      if (calendar.isWorkingDay(day) && !isPaused(day)) daysUsed += 1;
    }
  }
  const daysLeft = calendar.workingDaysBetween(asOf, due);
  const running = !run.stop;
  const overdue = running && asOf.isAfter(due);
  const pausedPeriods: PausedPeriod[] = run.pauses.map((pause) => ({
    from: pause.from,
    ...(pause.to ? { to: pause.to } : {}),
    days: pauseDays(pause, asOf),
  }));

  return {
    phase: running ? run.limit : 'stopped',
    limit: run.limit,
    startedAt: run.startedAt,
    dueAt: endOfCopenhagenDay(due),
    dueDate: due.toString(),
    daysUsed,
    daysLeft,
    pausedPeriods,
    paused: running && openPause(run) !== undefined,
    atRisk: running && !overdue && daysLeft <= policy.warnBefore.workingDays,
    overdue,
    extendedBy: extendedBy(run),
    extensions: [...run.extensions],
    ...(run.stop ? { stoppedAt: run.stop.at, stoppedBy: run.stop.by } : {}),
  };
}
