import { DanishCalendar } from '@kp/clock';
import { daysLeft, isQueue, OPEN_CASE_STATES } from './queues';

describe('queues', () => {
  it('knows the four queues and nothing else', () => {
    expect(['central', 'collaborative', 'approval', 'mine'].every(isQueue)).toBe(true);
    expect(isQueue('urgent')).toBe(false);
  });

  it('counts only open case states as open work', () => {
    expect(OPEN_CASE_STATES).toEqual(['submitted', 'screening', 'in_review', 'awaiting_applicant', 'consultation', 'awaiting_controller']);
  });

  it('gives days left in Danish working days, negative when overdue, null without a clock', () => {
    const calendar = new DanishCalendar();
    const between = (a: Date, b: Date) => calendar.workingDaysBetween(a, b);
    // Wednesday 2026-04-01 to the Tuesday after Easter: Maundy Thursday, Good Friday and Easter Monday are Danish holidays.
    expect(daysLeft(new Date('2026-04-07T10:00:00Z'), new Date('2026-04-01T10:00:00Z'), between)).toBe(1);
    expect(daysLeft(new Date('2026-04-01T10:00:00Z'), new Date('2026-04-07T10:00:00Z'), between)).toBe(-1);
    expect(daysLeft(null, new Date(), between)).toBeNull();
  });
});
