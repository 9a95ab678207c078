import { LocalDate } from './local-date';

describe('LocalDate', () => {
  it('parses and prints ISO dates', () => {
    expect(LocalDate.parse('2026-04-02').toString()).toBe('2026-04-02');
    expect(JSON.stringify({ due: LocalDate.of(2026, 4, 2) })).toBe('{"due":"2026-04-02"}');
  });

  it('rejects dates that are not on the calendar', () => {
    expect(() => LocalDate.of(2026, 2, 29)).toThrow(RangeError);
    expect(() => LocalDate.parse('2026-4-2')).toThrow(RangeError);
    expect(() => LocalDate.parse('2026-13-01')).toThrow(RangeError);
  });

  it('knows the ISO weekday (Monday 1 … Sunday 7)', () => {
    expect(LocalDate.parse('2026-04-06').weekday).toBe(1);
    expect(LocalDate.parse('2026-04-05').weekday).toBe(7);
  });

  it('adds months landing on the last day of a shorter month (Regulation 1182/71 art. 3(2)(c))', () => {
    expect(LocalDate.parse('2026-01-15').plusMonths(3).toString()).toBe('2026-04-15');
    expect(LocalDate.parse('2025-11-30').plusMonths(3).toString()).toBe('2026-02-28');
    expect(LocalDate.parse('2023-11-30').plusMonths(3).toString()).toBe('2024-02-29');
    expect(LocalDate.parse('2026-10-31').plusMonths(3).toString()).toBe('2027-01-31');
  });

  it('counts calendar days between dates across a year end', () => {
    expect(LocalDate.parse('2026-12-23').daysUntil(LocalDate.parse('2027-01-04'))).toBe(12);
    expect(LocalDate.parse('2027-01-04').daysUntil(LocalDate.parse('2026-12-23'))).toBe(-12);
  });
});
