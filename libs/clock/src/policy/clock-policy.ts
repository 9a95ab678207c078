/**
 * The two tracks a sub-case runs on (DESIGN.md §1): `central`, decided by the contact point, and
 * `collaborative`, prepared with local advisors and decided by the data controller. Each has its
 * own clock configuration. The one source of this enum for types, validators and schemas.
 */
export const TRACKS = ['central', 'collaborative'] as const;
export type Track = (typeof TRACKS)[number];

export type ClockTrack = Track;
export const CLOCK_TRACKS: readonly ClockTrack[] = TRACKS;

/**
 * Deadlines and warning offsets for one track. Values are configuration, read by the clock; no
 * other code hard-codes them.
 */
export interface ClockPolicy {
  /** Decision limit from a complete application (EHDS art. 68(4): 3 months). */
  readonly decisionLimit: { readonly months: number };
  /** Time for an incomplete application to be completed, from receipt (EHDS art. 68(4): 4 weeks). */
  readonly completionLimit: { readonly weeks: number };
  /** Total extension the decision limit may get, with reasons (EHDS art. 68(4): up to 3 months). */
  readonly maxExtension: { readonly months: number };
  /** A running clock is "at risk" from this many working days before it is due. */
  readonly warnBefore: { readonly workingDays: number };
  /** Publication of the decision with reasons (EHDS art. 57(1)(j): within 30 working days). */
  readonly publishDecisionWithin: { readonly workingDays: number };
}

export type ClockPolicies = Readonly<Record<ClockTrack, ClockPolicy>>;

/** Ceilings set by law; a track may be stricter, never looser. */
export const EHDS_LIMITS = {
  decisionMonths: 3,
  completionWeeks: 4,
  extensionMonths: 3,
  publicationWorkingDays: 30,
} as const;

const EHDS_DEFAULT: ClockPolicy = Object.freeze({
  decisionLimit: Object.freeze({ months: EHDS_LIMITS.decisionMonths }),
  completionLimit: Object.freeze({ weeks: EHDS_LIMITS.completionWeeks }),
  maxExtension: Object.freeze({ months: EHDS_LIMITS.extensionMonths }),
  warnBefore: Object.freeze({ workingDays: 10 }),
  publishDecisionWithin: Object.freeze({ workingDays: EHDS_LIMITS.publicationWorkingDays }),
});

/**
 * Both tracks get the statutory limits: EHDS art. 68(4) binds the decision whether the contact point
 * decides (central) or the data holder's controller does on its recommendation (collaborative).
 */
export const DEFAULT_CLOCK_POLICIES: ClockPolicies = Object.freeze({
  central: EHDS_DEFAULT,
  collaborative: EHDS_DEFAULT,
});
