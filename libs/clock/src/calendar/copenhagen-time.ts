import { LocalDate } from './local-date';

/** Danish statutory days run on Copenhagen wall-clock time, whatever the server's zone. */
export const DANISH_TIME_ZONE = 'Europe/Copenhagen';

const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: DANISH_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

function wallClock(instant: Date): { year: number; month: number; day: number; ms: number } {
  const fields: Record<string, number> = {};
  for (const part of parts.formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year, month, day, hour, minute, second } = fields as Record<string, number>;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, instant.getUTCMilliseconds());
  return { year, month, day, ms };
}

function assertValid(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`not a valid instant: ${String(instant)}`);
  }
}

/**
 * The Copenhagen calendar date of an instant. 2025-12-31T23:30Z is already 1 January 2026 in
 * Copenhagen (UTC+1), so an application received then was received on New Year's Day.
 */
export function copenhagenDateOf(instant: Date): LocalDate {
  assertValid(instant);
  const { year, month, day } = wallClock(instant);
  return LocalDate.of(year, month, day);
}

/** The instant at which `date` begins in Copenhagen (00:00 local; UTC+1 in winter, UTC+2 in summer). */
export function startOfCopenhagenDay(date: LocalDate): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day);
  // Offset = wall clock minus instant; two passes settle it even next to a DST change.
  let instant = wall - (wallClock(new Date(wall)).ms - wall);
  instant = wall - (wallClock(new Date(instant)).ms - instant);
  return new Date(instant);
}

/**
 * The last millisecond of `date` in Copenhagen. A period "ends with the expiry of the last hour"
 * of its last day (Regulation 1182/71 art. 3(2)), so deadlines are reported as this instant.
 */
export function endOfCopenhagenDay(date: LocalDate): Date {
  return new Date(startOfCopenhagenDay(date.plusDays(1)).getTime() - 1);
}
