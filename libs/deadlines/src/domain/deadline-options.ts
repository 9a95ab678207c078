import { ConfigError } from '@kp/config';

export interface DeadlineOptions {
  /** How often the deadline sweep runs (`DEADLINE_SWEEP_MS`, default 5 minutes). */
  sweepEveryMs: number;
}

export const DEADLINE_OPTIONS = Symbol('DEADLINE_OPTIONS');

const MIN_MS = 1000;
const MAX_MS = 24 * 60 * 60 * 1000;

/** Validated at start-up: a wrong value stops the process with a message naming the variable. */
export function loadDeadlineOptions(env: Record<string, string | undefined> = process.env): DeadlineOptions {
  const raw = env.DEADLINE_SWEEP_MS;
  if (raw === undefined || raw === '') return { sweepEveryMs: 300_000 };
  const value = Number(raw);
  if (!Number.isInteger(value) || value < MIN_MS || value > MAX_MS) {
    throw new ConfigError([`DEADLINE_SWEEP_MS="${raw}" must be an integer from ${MIN_MS} to ${MAX_MS} (milliseconds)`]);
  }
  return { sweepEveryMs: value };
}
