import { copenhagenDateOf, endOfCopenhagenDay, startOfCopenhagenDay } from './copenhagen-time';
import { LocalDate } from './local-date';

describe('Copenhagen calendar dates', () => {
  it('reads 31 December 23:30 UTC as 1 January in Copenhagen (UTC+1 in winter)', () => {
    expect(copenhagenDateOf(new Date('2025-12-31T23:30:00Z')).toString()).toBe('2026-01-01');
    expect(copenhagenDateOf(new Date('2025-12-31T22:59:59.999Z')).toString()).toBe('2025-12-31');
  });

  it('uses UTC+2 in summer', () => {
    expect(copenhagenDateOf(new Date('2026-06-30T22:00:00Z')).toString()).toBe('2026-07-01');
    expect(copenhagenDateOf(new Date('2026-06-30T21:59:59Z')).toString()).toBe('2026-06-30');
  });

  it('gives the instants a Copenhagen day starts and ends', () => {
    expect(startOfCopenhagenDay(LocalDate.parse('2026-01-01')).toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(endOfCopenhagenDay(LocalDate.parse('2026-04-07')).toISOString()).toBe('2026-04-07T21:59:59.999Z');
  });

  it('handles the 23-hour and 25-hour days of the clock changes', () => {
    const spring = LocalDate.parse('2026-03-29');
    expect(startOfCopenhagenDay(spring).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(endOfCopenhagenDay(spring).toISOString()).toBe('2026-03-29T21:59:59.999Z');
    const autumn = LocalDate.parse('2026-10-25');
    expect(startOfCopenhagenDay(autumn).toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(endOfCopenhagenDay(autumn).toISOString()).toBe('2026-10-25T22:59:59.999Z');
  });

  it('gives the date Intl gives, minute by minute across both clock changes of 2026 and at random instants from 1900 to 2100', () => {
    const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });
    const instants: number[] = [];
    for (const change of [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)]) {
      for (let ms = change - 3 * 3_600_000; ms <= change + 3 * 3_600_000; ms += 60_000) instants.push(ms - 1, ms);
    }
    let seed = 17;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 5000; i++) instants.push(Date.UTC(1900, 0, 1) + Math.floor(random() * 200 * 365.25 * 86_400_000));
    for (const ms of instants) expect([new Date(ms).toISOString(), copenhagenDateOf(new Date(ms)).toString()]).toEqual([new Date(ms).toISOString(), intl.format(ms)]);
  });

  it('rejects an invalid instant', () => {
    expect(() => copenhagenDateOf(new Date('not a date'))).toThrow(RangeError);
  });
});
