import { isUuid } from './ids';
import { BadCursorError } from '@kp/errors';

/**
 * Where a keyset-paginated list stopped: the sort key of a page's last item as exact text (a
 * timestamp from {@link keysetKeySql}, microseconds kept where a JS Date would round them and skip a
 * row) and the unique id that breaks ties. `key` is null only in lists that order rows without one last.
 */
export interface KeysetPosition<Key extends string | null = string> {
  key: Key;
  id: string;
}

export interface KeysetCursorOptions {
  /** The tie-breaker's shape: a uuid unless the list breaks ties on another unique column. */
  id?: RegExp;
  /** The list orders rows without a sort key last (`NULLS LAST`), so a page may end on one. */
  nullKey?: boolean;
}

const KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** The exact text of a timestamptz column for a cursor key, in UTC with microseconds. */
export const keysetKeySql = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** An opaque cursor for the client: base64url of the position. */
export function encodeKeysetCursor(position: KeysetPosition<string | null>): string {
  return Buffer.from(JSON.stringify([position.key, position.id])).toString('base64url');
}

/**
 * The position in a cursor this API gave out; undefined for none (the first page). Anything else is
 * refused ({@link BadCursorError}) before it reaches SQL.
 */
export function decodeKeysetCursor(raw: string | undefined, options?: KeysetCursorOptions & { nullKey?: false }): KeysetPosition | undefined;
export function decodeKeysetCursor(raw: string | undefined, options: KeysetCursorOptions): KeysetPosition<string | null> | undefined;
export function decodeKeysetCursor(raw: string | undefined, options: KeysetCursorOptions = {}): KeysetPosition<string | null> | undefined {
  if (raw === undefined || raw === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [key, id] = parsed as unknown[];
      const keyOk = (key === null && options.nullKey === true) || (typeof key === 'string' && isTimestampKey(key));
      if (keyOk && typeof id === 'string' && (options.id ? options.id.test(id) : isUuid(id))) return { key: key as string | null, id };
    }
  } catch {
    /* answered by the problem below */
  }
  throw new BadCursorError();
}

/**
 * The SQL condition "after this position" for `ORDER BY <column> ASC NULLS LAST, <idColumn> ASC`,
 * with its parameters numbered from `next`. One condition with an OR: right for short lists; a long
 * one reads {@link keysetBranches} instead, which an index on (column, id) can seek to.
 */
export function afterKeyset(position: KeysetPosition<string | null>, column: string, idColumn: string, next: number): { sql: string; params: unknown[] } {
  const { branches, params } = keysetBranches(position, column, idColumn, next);
  return { sql: branches.length === 1 ? `(${branches[0]})` : `(${branches.map((b) => `(${b})`).join(' OR ')})`, params };
}

/**
 * "After this position" for `ORDER BY <column> ASC NULLS LAST, <idColumn> ASC` as conditions to read
 * one after another: the rows with a key after it, by the row comparison `(column, id) > (key, id)`
 * that a b-tree on (column, id) seeks to in one step (issue 17: the OR form read the index from
 * its start on every page past the first); then those without a key. A position on a row without a
 * key needs only the second. Parameters are numbered from `next`.
 */
export function keysetBranches(position: KeysetPosition<string | null>, column: string, idColumn: string, next: number): { branches: string[]; params: unknown[] } {
  if (position.key === null) return { branches: [`${column} IS NULL AND ${idColumn} > $${next}::uuid`], params: [position.id] };
  return {
    branches: [`(${column}, ${idColumn}) > ($${next}::timestamptz, $${next + 1}::uuid)`, `${column} IS NULL`],
    params: [position.key, position.id],
  };
}

/**
 * Every key this API gives out is a moment it recorded, so none is before 1970; PostgreSQL refuses
 * year 0000 outright, and no key reaches SQL from outside this range.
 */
const FIRST_KEY_YEAR = 1970;

/** The shape {@link keysetKeySql} gives, a real calendar instant (PostgreSQL would refuse 02-30) and within range. */
function isTimestampKey(key: string): boolean {
  if (!KEY.test(key) || Number(key.slice(0, 4)) < FIRST_KEY_YEAR) return false;
  const millis = `${key.slice(0, 23)}Z`;
  const parsed = Date.parse(millis);
  return !Number.isNaN(parsed) && new Date(parsed).toISOString() === millis;
}
