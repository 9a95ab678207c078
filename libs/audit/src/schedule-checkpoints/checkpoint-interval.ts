export const DEFAULT_CHECKPOINT_EVERY_MS = 600_000;
const MIN_MS = 100;
const MAX_MS = 7 * 24 * 3600 * 1000;

/**
 * `AUDIT_CHECKPOINT_EVERY_MS`: how often the worker signs the chain head (default 10 minutes).
 * A wrong value stops the worker at start-up with a message naming the variable.
 */
export function checkpointEveryMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.AUDIT_CHECKPOINT_EVERY_MS;
  if (raw === undefined || raw.trim() === '') return DEFAULT_CHECKPOINT_EVERY_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < MIN_MS || value > MAX_MS) {
    throw new Error(`Invalid configuration:\n  - AUDIT_CHECKPOINT_EVERY_MS="${raw}" must be an integer from ${MIN_MS} to ${MAX_MS} (milliseconds)`);
  }
  return value;
}
