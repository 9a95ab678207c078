import fc from 'fast-check';
import Holidays from 'date-holidays';
import { DanishCalendar } from './danish-calendar';
import { LocalDate } from './local-date';

const day = (text: string): LocalDate => LocalDate.parse(text);

describe('DanishCalendar', () => {
  const calendar = new DanishCalendar();

  it.each([
    ['2026-04-02', 'Maundy Thursday'],
    ['2026-04-03', 'Good Friday'],
    ['2026-04-06', 'Easter Monday'],
    ['2026-05-14', 'Ascension Day'],
    ['2026-05-25', 'Whit Monday'],
    ['2026-12-25', 'Christmas Day'],
    ['2026-12-26', 'Boxing Day (a Saturday anyway)'],
    ['2027-01-01', "New Year's Day"],
  ])('treats %s (%s) as a non-working day', (date) => {
    expect(calendar.isWorkingDay(day(date))).toBe(false);
  });

  it('treats Saturdays and Sundays as non-working days', () => {
    expect(calendar.isWorkingDay(day('2026-04-11'))).toBe(false);
    expect(calendar.isWorkingDay(day('2026-04-12'))).toBe(false);
    expect(calendar.isWorkingDay(day('2026-04-13'))).toBe(true);
  });

  it('treats the weekdays around Easter as working days', () => {
    expect(calendar.isWorkingDay(day('2026-04-01'))).toBe(true);
    expect(calendar.isWorkingDay(day('2026-04-07'))).toBe(true);
  });

  it('counts Store Bededag only before its abolition in 2024', () => {
    expect(calendar.publicHolidayName(day('2023-05-05'))).toBe('Store Bededag');
    expect(calendar.isWorkingDay(day('2023-05-05'))).toBe(false);
    // Fourth Friday after Easter in 2024, 2025 and 2026: ordinary working days now.
    expect(calendar.isWorkingDay(day('2024-04-26'))).toBe(true);
    expect(calendar.isWorkingDay(day('2025-05-16'))).toBe(true);
    expect(calendar.isWorkingDay(day('2026-05-01'))).toBe(true);
  });

  it('treats Grundlovsdag, 24 and 31 December and 1 May as working days: not public holidays', () => {
    for (const date of ['2026-06-05', '2026-12-24', '2026-12-31', '2026-05-01']) {
      expect(calendar.publicHolidayName(day(date))).toBeUndefined();
      expect(calendar.isWorkingDay(day(date))).toBe(true);
    }
  });

  it('can close extra days every year when configured', () => {
    const closing = new DanishCalendar({ closingDays: ['06-05', '12-24', '12-31'] });
    expect(closing.isWorkingDay(day('2026-06-05'))).toBe(false);
    expect(closing.isWorkingDay(day('2027-12-24'))).toBe(false);
    expect(closing.workingDaysBetween(day('2026-12-23'), day('2027-01-04'))).toBe(4);
    expect(() => new DanishCalendar({ closingDays: ['24-12'] })).toThrow(RangeError);
  });

  it('reads an instant as its Copenhagen date: 31 Dec 23:30 UTC is New Year’s Day', () => {
    expect(calendar.isWorkingDay(new Date('2025-12-31T23:30:00Z'))).toBe(false);
    expect(calendar.isWorkingDay(new Date('2025-12-31T22:30:00Z'))).toBe(true);
    expect(calendar.dateOf(new Date('2025-12-31T23:30:00Z')).toString()).toBe('2026-01-01');
  });

  describe('addWorkingDays', () => {
    it('skips Easter: one working day after Wednesday 1 April 2026 is Tuesday 7 April', () => {
      expect(calendar.addWorkingDays(day('2026-04-01'), 1).toString()).toBe('2026-04-07');
      expect(calendar.addWorkingDays(day('2026-03-31'), 3).toString()).toBe('2026-04-08');
    });

    it('does not count the start day and skips the weekend', () => {
      expect(calendar.addWorkingDays(day('2026-01-09'), 1).toString()).toBe('2026-01-12');
    });

    it('goes backwards for negative n and returns the date itself for 0', () => {
      expect(calendar.addWorkingDays(day('2026-04-07'), -1).toString()).toBe('2026-04-01');
      expect(calendar.addWorkingDays(day('2026-04-04'), 0).toString()).toBe('2026-04-04');
    });

    it('starts from the Copenhagen date of an instant', () => {
      // 23:30 UTC on 31 Dec 2025 is 1 Jan 2026; the next working day is Friday 2 January.
      expect(calendar.addWorkingDays(new Date('2025-12-31T23:30:00Z'), 1).toString()).toBe('2026-01-02');
    });

    it('rejects a fractional number of days', () => {
      expect(() => calendar.addWorkingDays(day('2026-04-01'), 1.5)).toThrow(RangeError);
    });
  });

  describe('workingDaysBetween', () => {
    it('counts the days after the first date up to and including the second', () => {
      expect(calendar.workingDaysBetween(day('2026-03-31'), day('2026-04-10'))).toBe(5);
      expect(calendar.workingDaysBetween(day('2026-04-10'), day('2026-03-31'))).toBe(-5);
      expect(calendar.workingDaysBetween(day('2026-04-10'), day('2026-04-10'))).toBe(0);
    });

    it('skips Christmas and New Year', () => {
      expect(calendar.workingDaysBetween(day('2026-12-23'), day('2027-01-04'))).toBe(6);
    });

    it('skips Ascension and Whit Monday', () => {
      expect(calendar.workingDaysBetween(day('2026-05-13'), day('2026-05-26'))).toBe(7);
    });

    it('counts across several years as a day-by-day count does (Monday to Friday, not a public holiday, not a closing day)', () => {
      // The definition, day by day, from the holiday names and the weekday alone.
      const closing = new DanishCalendar({ closingDays: ['06-05', '12-24', '12-31'] });
      const byDefinition = (cal: DanishCalendar, closingDays: string[], a: LocalDate, b: LocalDate): number => {
        const [from, to, sign] = b.isBefore(a) ? [b, a, -1] : [a, b, 1];
        let n = 0;
        for (let d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
          if (d.weekday < 6 && !cal.publicHolidayName(d) && !closingDays.includes(d.toString().slice(5))) n += 1;
        }
        return sign * n;
      };
      fc.assert(
        fc.property(fc.integer({ min: 19_000, max: 21_600 }), fc.integer({ min: -1_200, max: 1_200 }), (start, span) => {
          const a = LocalDate.fromEpochDay(start);
          const b = LocalDate.fromEpochDay(start + span);
          expect(calendar.workingDaysBetween(a, b)).toBe(byDefinition(calendar, [], a, b));
          expect(closing.workingDaysBetween(a, b)).toBe(byDefinition(closing, ['06-05', '12-24', '12-31'], a, b));
        }),
        { numRuns: 300 },
      );
    });
  });

  it('rolls a non-working day forward to the next working day', () => {
    expect(calendar.nextWorkingDayFrom(day('2026-04-02')).toString()).toBe('2026-04-07');
    expect(calendar.nextWorkingDayFrom(day('2026-04-07')).toString()).toBe('2026-04-07');
  });

  it('looks up the holidays of a year once', () => {
    const lookup = jest.spyOn(Holidays.prototype, 'getHolidays');
    try {
      const fresh = new DanishCalendar();
      fresh.workingDaysBetween(day('2026-01-01'), day('2026-12-31'));
      fresh.isWorkingDay(day('2026-04-02'));
      fresh.isWorkingDay(day('2027-04-02'));
      expect(lookup.mock.calls.map(([year]) => year)).toEqual([2026, 2027]);
    } finally {
      lookup.mockRestore();
    }
  });
});
