import { DanishCalendar } from '../calendar/danish-calendar';
import { DEFAULT_CLOCK_POLICIES } from '../policy/clock-policy';
import { publicationDueAt } from './publication-due';

const policy = DEFAULT_CLOCK_POLICIES.central;

describe('publicationDueAt (EHDS art. 57(1)(j): publish within 30 working days)', () => {
  it('counts 30 working days past Easter 2026 and ends with that Copenhagen day', () => {
    // From Friday 20 March: Easter takes out 2, 3 and 6 April; 1 May is a working day.
    expect(publicationDueAt(new Date('2026-03-20T14:00:00+01:00'), policy).toISOString()).toBe(
      '2026-05-06T21:59:59.999Z',
    );
  });

  it('skips Christmas Day and New Year’s Day but not 24 or 31 December', () => {
    expect(publicationDueAt(new Date('2026-12-10T14:00:00+01:00'), policy).toISOString()).toBe(
      '2027-01-25T22:59:59.999Z',
    );
  });

  it("follows the track's configured number of days and the given calendar", () => {
    const shorter = { ...policy, publishDecisionWithin: { workingDays: 12 } };
    const decidedAt = new Date('2026-12-10T14:00:00+01:00');
    // 11, 14–18, 21–24, 28, 29: the twelfth working day is 29 December.
    expect(publicationDueAt(decidedAt, shorter).toISOString()).toBe('2026-12-29T22:59:59.999Z');
    // With 24 December closed, it is one day later.
    const closing = new DanishCalendar({ closingDays: ['12-24', '12-31'] });
    expect(publicationDueAt(decidedAt, shorter, closing).toISOString()).toBe('2026-12-30T22:59:59.999Z');
  });
});
