import { DomainError } from '@kp/errors';

/** The entity tag of a versioned resource: its version number, quoted (RFC 9110 §8.8.3). */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Reads the version out of an If-Match header (`"3"`, `W/"3"` or `3`); undefined when absent. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) throw new DomainError('bad-if-match', `If-Match must be the ETag you received, such as "3"; got ${header}.`);
  return Number(match[1]);
}
