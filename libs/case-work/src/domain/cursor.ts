import { DomainProblem } from '@kp/http';

/**
 * An opaque keyset cursor: the sort key (a timestamp as exact text, or null) and the id of the last
 * item of a page. Lists order by (key NULLS LAST, id), so the next page starts strictly after it.
 */
export interface Cursor {
  key: string | null;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ k: cursor.key, i: cursor.id })).toString('base64url');
}

export function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (raw === undefined || raw === '') return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { k?: unknown; i?: unknown };
    const keyOk = parsed.k === null || (typeof parsed.k === 'string' && !Number.isNaN(Date.parse(parsed.k)));
    if (keyOk && typeof parsed.i === 'string' && /^[0-9a-f-]{36}$/i.test(parsed.i)) return { key: parsed.k as string | null, id: parsed.i };
  } catch {
    // falls through to the problem below
  }
  throw new DomainProblem(400, 'bad-cursor', 'The cursor is not one this list gave out; start again without it.');
}

/**
 * The SQL condition "after the cursor" for `ORDER BY <column> ASC NULLS LAST, <idColumn> ASC`,
 * with its parameters numbered from `next`.
 */
export function afterCursor(cursor: Cursor, column: string, idColumn: string, next: number): { sql: string; params: unknown[] } {
  if (cursor.key === null) return { sql: `(${column} IS NULL AND ${idColumn} > $${next}::uuid)`, params: [cursor.id] };
  return {
    sql: `(${column} > $${next}::timestamptz OR (${column} = $${next}::timestamptz AND ${idColumn} > $${next + 1}::uuid) OR ${column} IS NULL)`,
    params: [cursor.key, cursor.id],
  };
}

/** Exact text of a timestamptz for a cursor (microseconds kept, unlike a JS Date). */
export const cursorKeySql = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
