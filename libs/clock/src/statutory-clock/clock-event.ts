/**
 * What happened to a case, as far as its statutory clock cares. The case module records these;
 * the clock is computed from them and never stored.
 */
export type ClockEventType = 'received' | 'completed' | 'paused' | 'resumed' | 'extended' | 'decided' | 'withdrawn';

export interface ClockEvent {
  readonly type: ClockEventType;
  readonly at: Date;
  /** Required (non-empty) for `extended`; free text otherwise (e.g. why the case was paused). */
  readonly reason?: string;
  /** Required for `extended`: whole months added to the decision limit. */
  readonly extensionMonths?: number;
}

export type ClockPhase = 'completion' | 'decision' | 'stopped';

/** A wait for the applicant. `days` is how far it moved the due date (calendar days). */
export interface PausedPeriod {
  readonly from: Date;
  readonly to?: Date;
  readonly days: number;
}

export interface ClockExtension {
  readonly months: number;
  readonly reason: string;
  readonly at: Date;
}

export interface ClockState {
  /** `stopped` once decided or withdrawn; the figures below then describe the clock as it stopped. */
  readonly phase: ClockPhase;
  /** Which limit the figures measure: completion (4 weeks from receipt) or decision (3 months). */
  readonly limit: 'completion' | 'decision';
  readonly startedAt: Date;
  /** Last instant of the due day in Copenhagen (the period ends with the expiry of that day). */
  readonly dueAt: Date;
  /** The due day, `YYYY-MM-DD`, Copenhagen calendar. */
  readonly dueDate: string;
  /** Working days the clock has run: after the start day, up to today (or the stop), not paused. */
  readonly daysUsed: number;
  /** Working days after today (or the stop) up to the due day; negative when past it. */
  readonly daysLeft: number;
  readonly pausedPeriods: readonly PausedPeriod[];
  readonly paused: boolean;
  readonly atRisk: boolean;
  readonly overdue: boolean;
  /** Total months of extension granted (decision limit only). */
  readonly extendedBy: number;
  readonly extensions: readonly ClockExtension[];
  readonly stoppedAt?: Date;
  readonly stoppedBy?: 'decided' | 'withdrawn';
}
