/**
 * The query the verifier COPYs (issue 17: send the payload once).
 *
 * An event with stored canonical bytes used to travel twice: its queryable columns (the payload
 * jsonb above all) and the bytes its hash covers, which Node then compared token by token. Now
 * PostgreSQL holds the columns against the bytes where they lie and sends, for an event it
 * vouches for, only seq, hash, prev_hash, the bytes and `true`: the other columns go as NULL.
 * Node still hashes the bytes, checks the hash and every link, so the bytes (and with them seq,
 * hash and prev_hash) are proven as before; what PostgreSQL vouches for is that the columns say
 * what the bytes say.
 *
 * It vouches when the bytes are exactly `head ‖ payload ‖ tail`, with head and tail the canonical
 * text the segment verifier builds from the columns (`textAround`: `to_json(text)` escapes as
 * JSON.stringify does for any text PostgreSQL can hold, times as `isoOf` writes them, seq as JSON
 * does below 10^15), compared as bytes, and the payload between parses as jsonb equal to the
 * payload column. jsonb equality is looser than bytes (numbers by value, key order and spacing
 * ignored, a repeated key's last value kept), but not looser than Node's text comparison, which
 * JSON.parses both and compares values (`sameAsText`, and doubles lose more than numerics), and
 * the bytes themselves are fixed by the hash chain: an UPDATE can change only columns without
 * breaking a hash, and a column that differs from the bytes' value differs as jsonb. A row it
 * does not vouch for (no bytes, an old event; a year JS and `to_char` write differently; a
 * mismatch) goes with all its columns, and Node decides as before. Bytes that are not UTF-8 or
 * not JSON make the cast fail the COPY; `walkChain` then reads the chain again without vouching.
 */

/** Every column of an event, in the order the segment verifier reads them (the full row). */
export const ROW_COLUMNS =
  'seq, at, business_at, actor_sub, actor_role, actor_organisation, action, subject_type, subject_id, payload, hash, prev_hash, canonical';

/** The columns PostgreSQL leaves out (sends as NULL) for an event it vouches for. */
const VOUCHED_AWAY = ['at', 'business_at', 'actor_sub', 'actor_role', 'actor_organisation', 'action', 'subject_type', 'subject_id', 'payload'];

/** A timestamptz as `isoOf` writes it: milliseconds, or microseconds when they are not whole. */
const iso = (column: string) => {
  const utc = `(${column} AT TIME ZONE 'UTC')`;
  return `to_char(${utc}, CASE WHEN date_part('microseconds', ${utc})::int % 1000 = 0 ` +
    `THEN 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"' ELSE 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"' END)`;
};

/** Years 1–9999, which `to_char` and JS's toISOString write alike (the rest go to Node). */
const writable = (column: string) => `${column} >= '0001-01-01 00:00:00+00' AND ${column} < '10000-01-01 00:00:00+00'`;

const HEAD =
  `'{"action":' || to_json(action)::text || ',"actor":{"organisation":' || coalesce(to_json(actor_organisation)::text, 'null') ||
  ',"role":' || to_json(actor_role)::text || ',"sub":' || to_json(actor_sub)::text || '},"at":"' || ${iso('at')} ||
  coalesce('","businessAt":"' || ${iso('business_at')}, '') || '","payload":'`;

const TAIL = `',"seq":' || seq::text || ',"subject":{"id":' || to_json(subject_id)::text || ',"type":' || to_json(subject_type)::text || '}}'`;

/**
 * Whether the row's columns say what its bytes say. AND is evaluated left to right, so the bytes
 * are read as text and JSON only once head and tail matched.
 */
const VOUCHED = `canonical IS NOT NULL AND seq < 1000000000000000 AND ${writable('at')} AND (business_at IS NULL OR ${writable('business_at')})
      AND octet_length(canonical) > octet_length(head) + octet_length(tail)
      AND substr(canonical, 1, octet_length(head)) = head
      AND substr(canonical, octet_length(canonical) - octet_length(tail) + 1) = tail
      AND convert_from(substr(canonical, octet_length(head) + 1, octet_length(canonical) - octet_length(head) - octet_length(tail)), 'UTF8')::jsonb = payload`;

/**
 * The SELECT to COPY for the events matching `where`, in seq order: {@link ROW_COLUMNS} and a
 * 14th column, whether PostgreSQL vouches for the row's columns (then sent as NULL). Without
 * `vouch` every row goes whole and the 14th column is false (the way back when a cast failed).
 * Each `OFFSET 0` keeps its level from being merged into the next, so head, tail and the answer
 * are computed once a row.
 */
export function segmentSelect(where: string, vouch = true): string {
  if (!vouch) return `SELECT ${ROW_COLUMNS}, false FROM audit_event WHERE ${where} ORDER BY seq`;
  const sent = VOUCHED_AWAY.map((c) => `CASE WHEN vouched THEN NULL ELSE ${c} END`).join(', ');
  return `SELECT seq, ${sent}, hash, prev_hash, canonical, vouched FROM (
    SELECT ${ROW_COLUMNS}, ${VOUCHED} AS vouched FROM (
      SELECT ${ROW_COLUMNS}, convert_to(${HEAD}, 'UTF8') AS head, convert_to(${TAIL}, 'UTF8') AS tail
      FROM audit_event WHERE ${where} ORDER BY seq OFFSET 0
    ) framed ORDER BY seq OFFSET 0
  ) checked ORDER BY seq`;
}
