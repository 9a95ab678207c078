import {
  CLOCK_TRACKS,
  ClockPolicies,
  ClockPolicy,
  ClockTrack,
  DEFAULT_CLOCK_POLICIES,
  EHDS_LIMITS,
} from './clock-policy';

/** Raised at start-up for a clock configuration that is nonsense or looser than the law. */
export class ClockPolicyError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid clock policy: ${problems.join('; ')}`);
    this.name = 'ClockPolicyError';
  }
}

interface Bound {
  readonly field: keyof ClockPolicy;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly why: string;
}

// A track may be stricter than EHDS, never looser; a zero limit would make every case overdue.
const BOUNDS: readonly Bound[] = [
  { field: 'decisionLimit', unit: 'months', min: 1, max: EHDS_LIMITS.decisionMonths, why: 'EHDS art. 68(4)' },
  { field: 'completionLimit', unit: 'weeks', min: 1, max: EHDS_LIMITS.completionWeeks, why: 'EHDS art. 68(4)' },
  { field: 'maxExtension', unit: 'months', min: 0, max: EHDS_LIMITS.extensionMonths, why: 'EHDS art. 68(4) caps it' },
  { field: 'warnBefore', unit: 'workingDays', min: 0, max: Number.MAX_SAFE_INTEGER, why: '' },
  {
    field: 'publishDecisionWithin',
    unit: 'workingDays',
    min: 1,
    max: EHDS_LIMITS.publicationWorkingDays,
    why: 'EHDS art. 57(1)(j)',
  },
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkPeriod(input: Record<string, unknown>, bound: Bound, prefix: string, problems: string[]): void {
  const name = `${prefix}${bound.field}.${bound.unit}`;
  const period = input[bound.field];
  if (!isRecord(period) || Object.keys(period).join() !== bound.unit) {
    problems.push(`${prefix}${bound.field} must be { ${bound.unit}: <integer> }`);
    return;
  }
  const value = period[bound.unit];
  if (typeof value !== 'number' || !Number.isInteger(value)) problems.push(`${name} must be an integer`);
  else if (value < bound.min) problems.push(`${name} must be at least ${bound.min}`);
  else if (value > bound.max) problems.push(`${name} must be at most ${bound.max} (${bound.why})`);
}

/**
 * Checks one track's policy (config may come from JSON, hence `unknown`) and returns it typed.
 * Besides the legal ceilings, the warning must come later than the start of the shortest clock:
 * a completion limit of 4 weeks has at most 20 working days, and warning 20 or more days ahead
 * would flag every case at risk from the day it arrives.
 */
export function validateClockPolicy(input: unknown, name = 'policy'): ClockPolicy {
  const prefix = `${name}.`;
  if (!isRecord(input)) throw new ClockPolicyError([`${name} must be an object`]);
  const problems: string[] = [];
  const known = new Set<string>(BOUNDS.map((bound) => bound.field));
  for (const key of Object.keys(input)) if (!known.has(key)) problems.push(`${prefix}${key} is not a clock setting`);
  for (const bound of BOUNDS) checkPeriod(input, bound, prefix, problems);
  if (problems.length === 0) {
    const policy = input as unknown as ClockPolicy;
    const completionWorkingDays = policy.completionLimit.weeks * 5;
    if (policy.warnBefore.workingDays >= completionWorkingDays) {
      problems.push(
        `${prefix}warnBefore.workingDays must be below ${completionWorkingDays}, the working days in completionLimit`,
      );
    }
  }
  if (problems.length > 0) throw new ClockPolicyError(problems);
  return input as unknown as ClockPolicy;
}

/**
 * The per-track policies: defaults with whole settings replaced by `overrides`, shaped like
 * `{ central?: Partial<ClockPolicy>, collaborative?: … }` (e.g. parsed config), each track validated.
 * Reports every problem of every track at once, naming the track.
 */
export function resolveClockPolicies(overrides: unknown = {}): ClockPolicies {
  if (!isRecord(overrides)) throw new ClockPolicyError(['clock policy overrides must be an object']);
  const problems: string[] = [];
  for (const track of Object.keys(overrides)) {
    if (!(CLOCK_TRACKS as readonly string[]).includes(track)) problems.push(`${track} is not a track`);
  }
  const resolved: Partial<Record<ClockTrack, ClockPolicy>> = {};
  for (const track of CLOCK_TRACKS) {
    const override = overrides[track] ?? {};
    if (!isRecord(override)) {
      problems.push(`${track} must be an object`);
      continue;
    }
    try {
      resolved[track] = Object.freeze(validateClockPolicy({ ...DEFAULT_CLOCK_POLICIES[track], ...override }, track));
    } catch (error) {
      if (!(error instanceof ClockPolicyError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new ClockPolicyError(problems);
  return Object.freeze(resolved as Record<ClockTrack, ClockPolicy>);
}
