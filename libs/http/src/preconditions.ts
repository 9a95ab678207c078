import { DomainProblem } from './problem';

/** The entity tag of a versioned resource: its version number, quoted (RFC 9110 §8.8.3). */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Reads the version out of an If-Match header (`"3"`, `W/"3"` or `3`); undefined when absent. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) throw new DomainProblem(400, 'bad-if-match', `If-Match must be the ETag you received, such as "3"; got ${header}.`);
  return Number(match[1]);
}

/** 412 when the client acted on an older version than the one stored (lost-update protection). */
export function assertVersion(expected: number | undefined, actual: number, what: string): void {
  if (expected !== undefined && expected !== actual) {
    throw new DomainProblem(412, 'stale-version', `The ${what} has changed since you read it (you sent version ${expected}, it is now ${actual}). Fetch it again and retry.`, {
      currentVersion: actual,
    });
  }
}
