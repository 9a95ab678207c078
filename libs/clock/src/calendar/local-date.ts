const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day of the week, ISO numbering: Monday 1 … Sunday 7. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * A calendar date with no time and no zone (a "day on the wall calendar"). Statutory periods are
 * counted in whole days (Regulation 1182/71 art. 3), so the clock does its arithmetic on these and
 * converts instants at the edge (see `copenhagen-time.ts`). Stored as days since 1970-01-01.
 */
export class LocalDate {
  private constructor(readonly epochDay: number) {}

  static of(year: number, month: number, day: number): LocalDate {
    const date = LocalDate.fromEpochDay(Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY));
    if (!Number.isInteger(year) || date.year !== year || date.month !== month || date.day !== day) {
      throw new RangeError(`not a calendar date: ${year}-${month}-${day}`);
    }
    return date;
  }

  /** Parses `YYYY-MM-DD`. */
  static parse(text: string): LocalDate {
    const match = ISO_DATE.exec(text);
    if (!match) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${text}`);
    return LocalDate.of(Number(match[1]), Number(match[2]), Number(match[3]));
  }

  static fromEpochDay(epochDay: number): LocalDate {
    if (!Number.isSafeInteger(epochDay)) throw new RangeError(`not an epoch day: ${epochDay}`);
    return new LocalDate(epochDay);
  }

  private get utc(): Date {
    return new Date(this.epochDay * MS_PER_DAY);
  }

  get year(): number {
    return this.utc.getUTCFullYear();
  }

  get month(): number {
    return this.utc.getUTCMonth() + 1;
  }

  get day(): number {
    return this.utc.getUTCDate();
  }

  get weekday(): IsoWeekday {
    return (((this.utc.getUTCDay() + 6) % 7) + 1) as IsoWeekday;
  }

  plusDays(days: number): LocalDate {
    return LocalDate.fromEpochDay(this.epochDay + days);
  }

  /**
   * Same day-of-month `months` later; when that month is shorter, its last day (Regulation 1182/71
   * art. 3(2)(c): 31 August + 1 month ends on 30 September).
   */
  plusMonths(months: number): LocalDate {
    const index = this.year * 12 + (this.month - 1) + months;
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return LocalDate.of(year, month, Math.min(this.day, lastDay));
  }

  /** Calendar days from this date to `other` (negative when `other` is earlier). */
  daysUntil(other: LocalDate): number {
    return other.epochDay - this.epochDay;
  }

  isBefore(other: LocalDate): boolean {
    return this.epochDay < other.epochDay;
  }

  isAfter(other: LocalDate): boolean {
    return this.epochDay > other.epochDay;
  }

  equals(other: LocalDate): boolean {
    return this.epochDay === other.epochDay;
  }

  toString(): string {
    return this.utc.toISOString().slice(0, 10);
  }

  toJSON(): string {
    return this.toString();
  }
}
