import { DanishCalendar, DEFAULT_CLOCK_POLICIES, computeClock, publicationDueAt } from '@kp/clock';

describe('@kp/clock public API', () => {
  it('computes a case clock and its publication deadline from the package entry point', () => {
    const completedAt = new Date('2026-01-15T10:00:00+01:00');
    const state = computeClock(
      DEFAULT_CLOCK_POLICIES.collaborative,
      [
        { type: 'received', at: completedAt },
        { type: 'completed', at: completedAt },
        { type: 'decided', at: new Date('2026-03-10T10:00:00+01:00') },
      ],
      new Date('2026-03-11T10:00:00+01:00'),
      new DanishCalendar(),
    );
    expect(state).toMatchObject({ phase: 'stopped', dueDate: '2026-04-15' });
    expect(publicationDueAt(state.stoppedAt!, DEFAULT_CLOCK_POLICIES.collaborative).toISOString()).toBe(
      '2026-04-24T21:59:59.999Z',
    );
  });
});
