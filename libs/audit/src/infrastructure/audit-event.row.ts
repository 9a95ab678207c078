import { AuditEvent, JsonObject } from '../domain/audit-event';

/**
 * `at` is read back with microseconds so any tampering below the millisecond also breaks the
 * hash: an untouched row always has zero microseconds and maps to the millisecond ISO string
 * that was hashed on append.
 */
export const AT_AS_TEXT = `to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
export const BUSINESS_AT_AS_TEXT = `to_char(business_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Columns of `audit_event` as selected by `AUDIT_EVENT_COLUMNS`. */
export interface AuditEventRow {
  seq: string;
  at: string;
  business_at: string | null;
  actor_sub: string;
  actor_role: string;
  actor_organisation: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  /** jsonb as text, parsed here so the driver's parsing cannot differ between read paths. */
  payload: string;
  prev_hash: string;
  hash: string;
}

export const AUDIT_EVENT_COLUMNS = `seq, ${AT_AS_TEXT} AS at, ${BUSINESS_AT_AS_TEXT} AS business_at, actor_sub, actor_role, actor_organisation, action,
  subject_type, subject_id, payload::text AS payload, prev_hash, hash`;

export function isoFromMicros(text: string): string {
  return text.replace(/\.(\d{3})000Z$/, '.$1Z');
}

export function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    seq: Number(row.seq),
    at: isoFromMicros(row.at),
    ...(row.business_at === null ? {} : { businessAt: isoFromMicros(row.business_at) }),
    actor: { sub: row.actor_sub, role: row.actor_role, organisation: row.actor_organisation },
    action: row.action,
    subject: { type: row.subject_type, id: row.subject_id },
    payload: JSON.parse(row.payload) as JsonObject,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
