import { DanishCalendar } from '../calendar/danish-calendar';
import { ClockPolicy, DEFAULT_CLOCK_POLICIES } from '../policy/clock-policy';
import { ClockEventError, ClockExtensionError } from './clock-errors';
import { ClockEvent, ClockState } from './clock-event';
import { computeClock } from './compute-clock';

const calendar = new DanishCalendar();
const policy = DEFAULT_CLOCK_POLICIES.central;

/** Instants are written with their Copenhagen offset (+01:00 winter, +02:00 summer). */
const at = (text: string): Date => new Date(text);
const event = (type: ClockEvent['type'], when: string, extra: Partial<ClockEvent> = {}): ClockEvent => ({
  type,
  at: at(when),
  ...extra,
});
const clock = (events: ClockEvent[], now: string, withPolicy: ClockPolicy = policy): ClockState =>
  computeClock(withPolicy, events, at(now), calendar);

/** Complete on receipt: received and completed at the same instant. */
const completeOn = (when: string): ClockEvent[] => [event('received', when), event('completed', when)];

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('computeClock', () => {
  describe('the decision limit (3 months from a complete application, EHDS art. 68(4))', () => {
    const complete = completeOn('2026-01-15T10:00:00+01:00');

    it('is due the same date three months on, counting working days used and left', () => {
      const state = clock(complete, '2026-01-15T12:00:00+01:00');
      expect(state).toMatchObject({
        phase: 'decision',
        limit: 'decision',
        startedAt: at('2026-01-15T10:00:00+01:00'),
        dueDate: '2026-04-15',
        daysUsed: 0,
        // Jan 11 + Feb 20 + Mar 22 + Apr 1–15 without Easter 8.
        daysLeft: 61,
        paused: false,
        atRisk: false,
        overdue: false,
        extendedBy: 0,
        pausedPeriods: [],
        extensions: [],
      });
      expect(state.dueAt.toISOString()).toBe('2026-04-15T21:59:59.999Z');
    });

    it('counts working days used, skipping weekends', () => {
      expect(clock(complete, '2026-01-26T09:00:00+01:00').daysUsed).toBe(7);
    });

    it('is at risk from warnBefore working days before the due date, Easter not counted', () => {
      const dayBefore = clock(complete, '2026-03-26T12:00:00+01:00');
      expect(dayBefore).toMatchObject({ daysLeft: 11, atRisk: false });
      const firstAtRisk = clock(complete, '2026-03-27T12:00:00+01:00');
      expect(firstAtRisk).toMatchObject({ daysLeft: 10, atRisk: true, overdue: false });
    });

    it('is due, not overdue, on the due day itself', () => {
      expect(clock(complete, '2026-04-15T23:59:00+02:00')).toMatchObject({ daysLeft: 0, atRisk: true, overdue: false });
    });

    it('is overdue the day after, with negative days left', () => {
      expect(clock(complete, '2026-04-16T00:00:00+02:00')).toMatchObject({ daysLeft: -1, atRisk: false, overdue: true });
      expect(clock(complete, '2026-04-20T09:00:00+02:00')).toMatchObject({ daysLeft: -3, overdue: true });
    });

    it('reads instants as Copenhagen dates: 23:30 UTC on 31 December is 1 January', () => {
      expect(clock(completeOn('2025-12-31T23:30:00Z'), '2026-01-02T12:00:00Z').dueDate).toBe('2026-04-01');
      expect(clock(completeOn('2025-12-31T22:30:00Z'), '2026-01-02T12:00:00Z').dueDate).toBe('2026-03-31');
    });

    it('ends on the last day of a shorter month: 30 November + 3 months is 28 February, rolled to Monday', () => {
      expect(clock(completeOn('2025-11-30T10:00:00+01:00'), '2025-12-01T10:00:00+01:00').dueDate).toBe('2026-03-02');
    });
  });

  describe('a due date on a non-working day rolls forward to the next working day', () => {
    it('from Maundy Thursday over Easter to Tuesday 7 April 2026', () => {
      const state = clock(completeOn('2026-01-02T09:00:00+01:00'), '2026-01-05T09:00:00+01:00');
      expect(state.dueDate).toBe('2026-04-07');
      expect(state.dueAt.toISOString()).toBe('2026-04-07T21:59:59.999Z');
    });

    it('from Ascension Day to the Friday after', () => {
      expect(clock(completeOn('2026-02-14T11:00:00+01:00'), '2026-02-16T09:00:00+01:00').dueDate).toBe('2026-05-15');
    });

    it('from Whit Monday to the Tuesday after', () => {
      expect(clock(completeOn('2026-02-25T11:00:00+01:00'), '2026-02-26T09:00:00+01:00').dueDate).toBe('2026-05-26');
    });

    it("from New Year's Day 2027 (a Friday) to Monday 4 January", () => {
      expect(clock(completeOn('2026-10-01T10:00:00+02:00'), '2026-10-02T10:00:00+02:00').dueDate).toBe('2027-01-04');
    });
  });

  describe('pauses while waiting for the applicant', () => {
    const complete = completeOn('2026-01-15T10:00:00+01:00');
    const pausedOverEaster = [
      ...complete,
      event('paused', '2026-03-27T14:00:00+01:00', { reason: 'questions on the data minimisation' }),
      event('resumed', '2026-04-09T09:00:00+02:00'),
    ];

    it('move the due date by the paused calendar days (27 March → 9 April is 13 days)', () => {
      const state = clock(pausedOverEaster, '2026-04-10T12:00:00+02:00');
      expect(state.dueDate).toBe('2026-04-28');
      expect(state.pausedPeriods).toEqual([
        { from: at('2026-03-27T14:00:00+01:00'), to: at('2026-04-09T09:00:00+02:00'), days: 13 },
      ]);
      expect(state.paused).toBe(false);
    });

    it('do not count as days used; the pause day itself still does', () => {
      // 16 Jan–27 Mar: 51 working days; 28 Mar–9 Apr paused; 10 Apr: 1.
      expect(clock(pausedOverEaster, '2026-04-10T12:00:00+02:00').daysUsed).toBe(52);
    });

    it('leave the at-risk warning to the working days that remain after Easter', () => {
      expect(clock(pausedOverEaster, '2026-04-10T12:00:00+02:00')).toMatchObject({ daysLeft: 12, atRisk: false });
      expect(clock(pausedOverEaster, '2026-04-14T12:00:00+02:00')).toMatchObject({ daysLeft: 10, atRisk: true });
    });

    it('keep pushing the due date out while still open', () => {
      const open = [...complete, event('paused', '2026-03-27T14:00:00+01:00')];
      const state = clock(open, '2026-04-01T12:00:00+02:00');
      expect(state).toMatchObject({ paused: true, dueDate: '2026-04-20', daysUsed: 51 });
      expect(state.pausedPeriods).toEqual([{ from: at('2026-03-27T14:00:00+01:00'), days: 5 }]);
    });

    it('across Christmas and New Year: 23 Dec → 4 Jan is 12 days, and only 4 working days are used', () => {
      const events = [
        ...completeOn('2026-12-21T09:00:00+01:00'),
        event('paused', '2026-12-23T16:00:00+01:00'),
        event('resumed', '2027-01-04T09:00:00+01:00'),
      ];
      const state = clock(events, '2027-01-06T12:00:00+01:00');
      // Unpaused due: 21 March 2027 (a Sunday); + 12 days = Friday 2 April.
      expect(state.dueDate).toBe('2027-04-02');
      expect(state.pausedPeriods[0].days).toBe(12);
      // 22 and 23 Dec, then 5 and 6 Jan.
      expect(state.daysUsed).toBe(4);
    });

    it('can push the due date onto Christmas Day, which then rolls to Monday 28 December', () => {
      const events = [
        ...completeOn('2026-09-10T10:00:00+02:00'),
        event('paused', '2026-11-02T10:00:00+01:00'),
        event('resumed', '2026-11-17T10:00:00+01:00'),
      ];
      // 10 December + 15 days = Friday 25 December.
      expect(clock(events, '2026-11-18T10:00:00+01:00').dueDate).toBe('2026-12-28');
    });

    it('paused and resumed on the same day move nothing', () => {
      const events = [
        ...complete,
        event('paused', '2026-02-02T09:00:00+01:00'),
        event('resumed', '2026-02-02T15:00:00+01:00'),
      ];
      expect(clock(events, '2026-02-03T09:00:00+01:00')).toMatchObject({ dueDate: '2026-04-15', daysUsed: 13 });
    });

    it('cannot revive a limit that has already expired', () => {
      const events = [...complete, event('paused', '2026-04-20T09:00:00+02:00')];
      const state = clock(events, '2026-05-04T09:00:00+02:00');
      expect(state).toMatchObject({ dueDate: '2026-04-15', overdue: true, paused: true });
      expect(state.pausedPeriods).toEqual([{ from: at('2026-04-20T09:00:00+02:00'), days: 0 }]);
    });
  });

  describe('an application completed later than it was received', () => {
    const received = [event('received', '2026-03-19T10:00:00+01:00')];

    it('runs the 4-week completion limit from receipt', () => {
      expect(clock(received, '2026-03-20T10:00:00+01:00')).toMatchObject({
        phase: 'completion',
        limit: 'completion',
        startedAt: at('2026-03-19T10:00:00+01:00'),
        dueDate: '2026-04-16',
        daysUsed: 1,
      });
    });

    it('is at risk on the due day and overdue after it', () => {
      expect(clock(received, '2026-04-16T12:00:00+02:00')).toMatchObject({ daysLeft: 0, atRisk: true, overdue: false });
      expect(clock(received, '2026-04-17T12:00:00+02:00')).toMatchObject({ daysLeft: -1, atRisk: false, overdue: true });
    });

    it('starts the 3-month decision clock afresh on completion, closing the wait for a supplement', () => {
      const events = [
        ...received,
        event('paused', '2026-03-24T10:00:00+01:00', { reason: 'supplement requested' }),
        event('completed', '2026-04-08T11:00:00+02:00'),
      ];
      expect(clock(events, '2026-04-09T12:00:00+02:00')).toMatchObject({
        phase: 'decision',
        startedAt: at('2026-04-08T11:00:00+02:00'),
        dueDate: '2026-07-08',
        daysUsed: 1,
        paused: false,
        pausedPeriods: [],
      });
    });

    it('counts events in time order, and only those up to now', () => {
      const events = [event('completed', '2026-04-08T11:00:00+02:00'), ...received];
      expect(clock(events, '2026-04-09T12:00:00+02:00').phase).toBe('decision');
      expect(clock(events, '2026-04-07T12:00:00+02:00').phase).toBe('completion');
    });
  });

  describe('extensions (EHDS art. 68(4): up to 3 months, with reasons)', () => {
    const complete = completeOn('2026-01-15T10:00:00+01:00');
    const reason = 'consultation of three regions on linkage';

    it('add months to the decision limit and are listed with their reasons', () => {
      const events = [...complete, event('extended', '2026-03-02T10:00:00+01:00', { extensionMonths: 2, reason })];
      const state = clock(events, '2026-03-03T10:00:00+01:00');
      expect(state).toMatchObject({ dueDate: '2026-06-15', extendedBy: 2 });
      expect(state.extensions).toEqual([{ months: 2, reason, at: at('2026-03-02T10:00:00+01:00') }]);
    });

    it('may be granted in several steps up to the cap', () => {
      const events = [
        ...complete,
        event('extended', '2026-03-02T10:00:00+01:00', { extensionMonths: 2, reason }),
        event('extended', '2026-06-01T10:00:00+02:00', { extensionMonths: 1, reason: 'applicant changed scope' }),
      ];
      expect(clock(events, '2026-06-02T10:00:00+02:00')).toMatchObject({ dueDate: '2026-07-15', extendedBy: 3 });
    });

    it('count the months from the start, not from the previous month end', () => {
      const events = [
        ...completeOn('2025-11-30T10:00:00+01:00'),
        event('extended', '2026-02-02T10:00:00+01:00', { extensionMonths: 3, reason }),
      ];
      // 30 Nov + 6 months = Saturday 30 May, rolled to Monday 1 June (not 28 Feb + 3 = 28 May).
      expect(clock(events, '2026-02-03T10:00:00+01:00').dueDate).toBe('2026-06-01');
    });

    it.each([
      ['no reason', {}, 'reason_required'],
      ['a blank reason', { reason: '   ' }, 'reason_required'],
    ])('are refused with %s', (_, extra, code) => {
      const events = [...complete, event('extended', '2026-03-02T10:00:00+01:00', { extensionMonths: 1, ...extra })];
      const error = errorOf(() => clock(events, '2026-03-03T10:00:00+01:00'));
      expect(error).toBeInstanceOf(ClockExtensionError);
      expect(error).toMatchObject({ code });
    });

    it.each([[0], [1.5], [undefined]])('are refused for %s months', (extensionMonths) => {
      const events = [...complete, event('extended', '2026-03-02T10:00:00+01:00', { extensionMonths, reason })];
      expect(errorOf(() => clock(events, '2026-03-03T10:00:00+01:00'))).toMatchObject({ code: 'invalid_months' });
    });

    it('are refused beyond the 3-month cap in total', () => {
      const events = [
        ...complete,
        event('extended', '2026-03-02T10:00:00+01:00', { extensionMonths: 2, reason }),
        event('extended', '2026-03-09T10:00:00+01:00', { extensionMonths: 2, reason }),
      ];
      const error = errorOf(() => clock(events, '2026-03-10T10:00:00+01:00'));
      expect(error).toBeInstanceOf(ClockExtensionError);
      expect(error).toMatchObject({ code: 'cap_exceeded' });
    });

    it("follow a track's stricter cap", () => {
      const strict: ClockPolicy = { ...policy, maxExtension: { months: 1 } };
      const events = [...complete, event('extended', '2026-03-02T10:00:00+01:00', { extensionMonths: 2, reason })];
      expect(errorOf(() => clock(events, '2026-03-03T10:00:00+01:00', strict))).toMatchObject({ code: 'cap_exceeded' });
    });

    it('are refused before the application is complete', () => {
      const events = [
        event('received', '2026-01-15T10:00:00+01:00'),
        event('extended', '2026-01-20T10:00:00+01:00', { extensionMonths: 1, reason }),
      ];
      expect(errorOf(() => clock(events, '2026-01-21T10:00:00+01:00'))).toMatchObject({
        code: 'not_in_decision_phase',
      });
    });

    it('are allowed on the due day but refused once the limit has expired', () => {
      const onDueDay = [...complete, event('extended', '2026-04-15T16:00:00+02:00', { extensionMonths: 1, reason })];
      expect(clock(onDueDay, '2026-04-16T10:00:00+02:00').dueDate).toBe('2026-05-15');
      const late = [...complete, event('extended', '2026-04-16T09:00:00+02:00', { extensionMonths: 1, reason })];
      expect(errorOf(() => clock(late, '2026-04-16T10:00:00+02:00'))).toMatchObject({ code: 'limit_expired' });
    });
  });

  describe('a decision or withdrawal stops the clock', () => {
    const complete = completeOn('2026-01-15T10:00:00+01:00');

    it('freezes the figures at the decision, however much later it is read', () => {
      const events = [...complete, event('decided', '2026-03-10T10:00:00+01:00')];
      const expected = {
        phase: 'stopped',
        limit: 'decision',
        stoppedBy: 'decided',
        stoppedAt: at('2026-03-10T10:00:00+01:00'),
        dueDate: '2026-04-15',
        daysLeft: 23,
        atRisk: false,
        overdue: false,
      };
      expect(clock(events, '2026-03-10T12:00:00+01:00')).toMatchObject(expected);
      expect(clock(events, '2026-06-01T12:00:00+02:00')).toMatchObject(expected);
    });

    it('is never overdue once stopped; a late decision shows as negative days left', () => {
      const events = [...complete, event('decided', '2026-04-17T10:00:00+02:00')];
      expect(clock(events, '2026-05-01T10:00:00+02:00')).toMatchObject({ phase: 'stopped', daysLeft: -2, overdue: false });
    });

    it('ends an open pause at the withdrawal and ignores anything after it', () => {
      const events = [
        ...complete,
        event('paused', '2026-02-02T10:00:00+01:00'),
        event('withdrawn', '2026-02-09T10:00:00+01:00'),
        event('resumed', '2026-02-10T10:00:00+01:00'),
      ];
      const state = clock(events, '2026-03-01T10:00:00+01:00');
      expect(state).toMatchObject({ phase: 'stopped', stoppedBy: 'withdrawn', paused: false, dueDate: '2026-04-22' });
      expect(state.pausedPeriods).toEqual([
        { from: at('2026-02-02T10:00:00+01:00'), to: at('2026-02-09T10:00:00+01:00'), days: 7 },
      ]);
    });

    it('stops the completion clock of an application withdrawn before it was complete', () => {
      const events = [event('received', '2026-03-19T10:00:00+01:00'), event('withdrawn', '2026-03-23T10:00:00+01:00')];
      expect(clock(events, '2026-05-01T10:00:00+02:00')).toMatchObject({
        phase: 'stopped',
        limit: 'completion',
        daysUsed: 2,
        overdue: false,
      });
    });
  });

  describe('refuses histories that cannot happen', () => {
    const complete = completeOn('2026-01-15T10:00:00+01:00');

    it.each([
      ['no events', [], 'not_received'],
      ['an event before receipt', [event('paused', '2026-01-14T10:00:00+01:00'), ...complete], 'not_received'],
      ['a second receipt', [...complete, event('received', '2026-01-16T10:00:00+01:00')], 'received_twice'],
      ['a second completion', [...complete, event('completed', '2026-01-16T10:00:00+01:00')], 'completed_twice'],
      ['a resume without a pause', [...complete, event('resumed', '2026-01-16T10:00:00+01:00')], 'not_paused'],
      [
        'a pause while paused',
        [...complete, event('paused', '2026-01-16T10:00:00+01:00'), event('paused', '2026-01-19T10:00:00+01:00')],
        'already_paused',
      ],
      ['an invalid instant', [...complete, event('paused', 'yesterday')], 'invalid_instant'],
    ])('%s', (_, events, code) => {
      const error = errorOf(() => clock(events as ClockEvent[], '2026-02-01T10:00:00+01:00'));
      expect(error).toBeInstanceOf(ClockEventError);
      expect(error).toMatchObject({ code });
    });
  });
});
