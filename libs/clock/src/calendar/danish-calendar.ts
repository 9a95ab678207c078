import Holidays from 'date-holidays';
import { copenhagenDateOf } from './copenhagen-time';
import { LocalDate } from './local-date';

/** An instant (read as its Copenhagen date) or a calendar date. */
export type DayInput = Date | LocalDate;

export interface DanishCalendarOptions {
  /**
   * Extra non-working days as `MM-DD`, every year. Empty by default: Grundlovsdag (5 June),
   * juleaftensdag (24 December) and nytårsaftensdag (31 December) are *not* Danish public holidays
   * (helligdage), only days when many offices close. Statutory periods from EU law count "days
   * designated as public holidays in the Member State" (Regulation 1182/71 art. 2(1)), so counting
   * them as working days keeps our deadlines no later than the law's. Set e.g.
   * `['06-05', '12-24', '12-31']` only if legal review decides otherwise.
   */
  readonly closingDays?: readonly string[];
}

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function toDate(day: DayInput): LocalDate {
  return day instanceof LocalDate ? day : copenhagenDateOf(day);
}

/**
 * Working days in Denmark: Monday to Friday except public holidays (helligdage), taken from the
 * maintained `date-holidays` data (type `public` only), which already drops Store Bededag from 2024,
 * the year it was abolished. Weekends and holidays are non-working days as in Regulation 1182/71
 * art. 2(2). Instants are read as Copenhagen calendar dates.
 */
/** One year's working days, by day of the year, with the count through each day (from 1 January). */
interface WorkingYear {
  readonly firstEpochDay: number;
  readonly working: Uint8Array;
  readonly through: Int32Array;
}

export class DanishCalendar {
  private readonly holidays = new Holidays('DK');
  private readonly holidaysByYear = new Map<number, ReadonlyMap<number, string>>();
  private readonly closingDays: ReadonlySet<string>;
  // Every case's clock asks about the same few years on every command and every sweep: each year
  // is worked out once, and a count of working days between two dates is a subtraction (issue 17).
  private readonly workingYears = new Map<number, WorkingYear>();
  private recentYear?: WorkingYear;

  constructor(options: DanishCalendarOptions = {}) {
    const closingDays = options.closingDays ?? [];
    for (const day of closingDays) {
      if (!MONTH_DAY.test(day)) throw new RangeError(`closing day must be MM-DD: ${day}`);
    }
    this.closingDays = new Set(closingDays);
  }

  /** Calendar date in Copenhagen of an instant (identity for a `LocalDate`). */
  dateOf(day: DayInput): LocalDate {
    return toDate(day);
  }

  /** Name of the Danish public holiday on that date, or undefined. */
  publicHolidayName(day: DayInput): string | undefined {
    const date = toDate(day);
    return this.publicHolidaysIn(date.year).get(date.epochDay);
  }

  isWorkingDay(day: DayInput): boolean {
    const epochDay = toDate(day).epochDay;
    const year = this.workingYearOf(epochDay);
    return year.working[epochDay - year.firstEpochDay] === 1;
  }

  /**
   * The date `n` working days after `day` (before it when `n` is negative); the start day itself is
   * not counted (Regulation 1182/71 art. 3(1)), so +1 from a Friday is the next Monday. `n = 0`
   * returns the date unchanged, working day or not.
   */
  addWorkingDays(day: DayInput, n: number): LocalDate {
    if (!Number.isInteger(n)) throw new RangeError(`working days must be an integer: ${n}`);
    const step = n < 0 ? -1 : 1;
    let date = toDate(day);
    for (let remaining = Math.abs(n); remaining > 0; ) {
      date = date.plusDays(step);
      if (this.isWorkingDay(date)) remaining -= 1;
    }
    return date;
  }

  /**
   * Working days after `a` up to and including `b`; negative (the same count, reversed) when `b`
   * is before `a`. Friday → next Monday is 1; a date to itself is 0.
   */
  workingDaysBetween(a: DayInput, b: DayInput): number {
    const from = toDate(a);
    const to = toDate(b);
    if (to.isBefore(from)) return -this.workingDaysBetween(to, from);
    const first = this.workingYearOf(from.epochDay);
    const last = this.workingYearOf(to.epochDay);
    const throughFrom = first.through[from.epochDay - first.firstEpochDay];
    const throughTo = last.through[to.epochDay - last.firstEpochDay];
    if (first === last) return throughTo - throughFrom;
    // The rest of the first year, every whole year between, and the last year up to `to`.
    let count = first.through[first.through.length - 1] - throughFrom;
    for (let year = from.year + 1; year < to.year; year++) {
      const whole = this.workingYearOf(LocalDate.of(year, 1, 1).epochDay);
      count += whole.through[whole.through.length - 1];
    }
    return count + throughTo;
  }

  /**
   * `day` itself if it is a working day, else the next working day: a period whose last day is a
   * holiday, Saturday or Sunday ends on the following working day (Regulation 1182/71 art. 3(4)).
   */
  nextWorkingDayFrom(day: DayInput): LocalDate {
    let date = toDate(day);
    while (!this.isWorkingDay(date)) date = date.plusDays(1);
    return date;
  }

  /** The working-day table of the year holding `epochDay`, made once per year (weekends, public holidays, closing days). */
  private workingYearOf(epochDay: number): WorkingYear {
    const recent = this.recentYear;
    if (recent && epochDay >= recent.firstEpochDay && epochDay < recent.firstEpochDay + recent.working.length) return recent;
    const year = LocalDate.fromEpochDay(epochDay).year;
    let table = this.workingYears.get(year);
    if (!table) {
      const firstEpochDay = LocalDate.of(year, 1, 1).epochDay;
      const days = LocalDate.of(year + 1, 1, 1).epochDay - firstEpochDay;
      const holidays = this.publicHolidaysIn(year);
      const working = new Uint8Array(days);
      const through = new Int32Array(days);
      let count = 0;
      for (let i = 0; i < days; i++) {
        const date = LocalDate.fromEpochDay(firstEpochDay + i);
        const isWorking = date.weekday < 6 && !holidays.has(date.epochDay) && !this.closingDays.has(date.toString().slice(5));
        working[i] = isWorking ? 1 : 0;
        count += working[i];
        through[i] = count;
      }
      table = { firstEpochDay, working, through };
      this.workingYears.set(year, table);
    }
    this.recentYear = table;
    return table;
  }

  /** Looked up once per year and kept: the clock asks about the same few years all day. */
  private publicHolidaysIn(year: number): ReadonlyMap<number, string> {
    let holidays = this.holidaysByYear.get(year);
    if (!holidays) {
      const byDay = new Map<number, string>();
      for (const holiday of this.holidays.getHolidays(year)) {
        // `date` is the local (Copenhagen) date as "YYYY-MM-DD hh:mm:ss".
        if (holiday.type === 'public') byDay.set(LocalDate.parse(holiday.date.slice(0, 10)).epochDay, holiday.name);
      }
      holidays = byDay;
      this.holidaysByYear.set(year, holidays);
    }
    return holidays;
  }
}
