import { SettableClock, SystemClock } from './business-clock';

describe('business clock', () => {
  it('the system clock is the wall clock', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('a settable clock jumps to a date and runs on from it at the wall clock pace', () => {
    let wall = Date.parse('2026-11-29T08:00:00Z');
    const clock = new SettableClock(() => wall);
    expect(clock.now().toISOString()).toBe('2026-11-29T08:00:00.000Z');
    clock.set(new Date('2027-03-01T10:00:00Z'));
    expect(clock.now().toISOString()).toBe('2027-03-01T10:00:00.000Z');
    wall += 1500;
    expect(clock.now().toISOString()).toBe('2027-03-01T10:00:01.500Z');
  });

  it('advances by an interval and refuses to go back', () => {
    const wall = Date.parse('2026-11-29T08:00:00Z');
    const clock = new SettableClock(() => wall);
    clock.advance(90 * 24 * 60 * 60 * 1000);
    expect(clock.now().toISOString()).toBe('2027-02-27T08:00:00.000Z');
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.set(new Date('not a date'))).toThrow(RangeError);
  });
});
