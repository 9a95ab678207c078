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

function intlWallClock(instant: Date): { year: number; month: number; day: number; ms: number } {
  const fields: Record<string, number> = {};
  for (const part of parts.formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year, month, day, hour, minute, second } = fields as Record<string, number>;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, instant.getUTCMilliseconds());
  return { year, month, day, ms };
}

const HOUR_MS = 3_600_000;
const MAX_REMEMBERED_HOURS = 100_000;
/** Copenhagen's offset from UTC in each UTC hour asked about; NaN for an hour with a change of offset in it. */
const offsetByHour = new Map<number, number>();

/**
 * Copenhagen's offset from UTC at `ms`, from Intl once per UTC hour (issue 17: formatToParts on every
 * call was a tenth of a queue page's CPU, through the due-date arithmetic of each row). The offset
 * is the same at both ends of nearly every hour; an hour with a daylight-saving change in it is
 * answered by Intl for each instant.
 */
function offsetAt(ms: number): number | undefined {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const start = hour * HOUR_MS;
    const end = start + HOUR_MS - 1;
    const atStart = intlWallClock(new Date(start)).ms - start;
    const atEnd = intlWallClock(new Date(end)).ms - end;
    offset = atStart === atEnd ? atStart : Number.NaN;
    if (offsetByHour.size >= MAX_REMEMBERED_HOURS) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return Number.isNaN(offset) ? undefined : offset;
}

function wallClock(instant: Date): { year: number; month: number; day: number; ms: number } {
  const offset = offsetAt(instant.getTime());
  if (offset === undefined) return intlWallClock(instant);
  const wall = new Date(instant.getTime() + offset);
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), ms: wall.getTime() };
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
