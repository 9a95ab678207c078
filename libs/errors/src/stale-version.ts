import { DomainError } from './domain-error';

/** The client acted on an older version than the one stored (lost-update protection, If-Match). */
export class StaleVersionError extends DomainError {
  constructor(
    readonly what: string,
    readonly expected: number,
    readonly currentVersion: number,
  ) {
    super('stale-version', `The ${what} has changed since you read it (you sent version ${expected}, it is now ${currentVersion}). Fetch it again and retry.`, { currentVersion });
  }
}

/** Refuses when the client named a version (`expected`) other than the stored one. */
export function assertVersion(expected: number | undefined, actual: number, what: string): void {
  if (expected !== undefined && expected !== actual) throw new StaleVersionError(what, expected, actual);
}
