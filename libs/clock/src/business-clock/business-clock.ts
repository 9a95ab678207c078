/**
 * Business time: every "now" the law or the case cares about — case and sub-case timestamps, the
 * statutory clocks (EHDS art. 68(4)), deadlines, permit validity, the screening date and what
 * "today" means to each scheduled sweep — comes from this port, so a test or the flow simulator can
 * run a case through months in seconds. Real time stays for token validation, rate limits, logs and
 * queue internals; audit events record both.
 */
export abstract class BusinessClock {
  abstract now(): Date;
}

/** The wall clock: production and ordinary development. */
export class SystemClock extends BusinessClock {
  now(): Date {
    return new Date();
  }
}

/**
 * A clock that runs at the wall clock's pace from a point that can be moved — set to a date or
 * advanced by an interval — so commands in a test or a simulated year keep their order while the
 * calendar jumps. Refused when NODE_ENV=production (AppConfig).
 */
export class SettableClock extends BusinessClock {
  private offsetMs = 0;

  constructor(private readonly wallClock: () => number = Date.now) {
    super();
  }

  now(): Date {
    return new Date(this.wallClock() + this.offsetMs);
  }

  /** From now on, time runs on from `at`. */
  set(at: Date): void {
    if (Number.isNaN(at.getTime())) throw new RangeError('SettableClock.set needs a valid date');
    this.offsetMs = at.getTime() - this.wallClock();
  }

  /** Moves time forward (never back: the statutory clocks and the audit trail assume it only grows). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('SettableClock.advance needs a non-negative number of milliseconds');
    this.offsetMs += ms;
  }
}
