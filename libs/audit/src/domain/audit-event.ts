/**
 * One entry of the audit trail (DESIGN.md §7). Every command, decision, authority change, plugin
 * activation and staff read of a case appends one event; the trail is what lets a decision be
 * explained years later (forvaltningsloven §§ 22–24, EHDS art. 57) and what supervision audits.
 */

/** Any JSON value that survives a round trip through PostgreSQL jsonb unchanged. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Who acted: the token subject, the role used, and the organisation when the role is organisational. */
export interface AuditActor {
  readonly sub: string;
  readonly role: string;
  readonly organisation?: string | null;
}

/** The worker acting on its own (screening, deadlines, expiry, start-up activations): never from a token. */
export const SYSTEM_ACTOR = { sub: 'system', role: 'system', organisation: null } as const;

/** What the event is about, e.g. `{ type: 'case', id: 'EK-2026-000123' }`. */
export interface AuditSubject {
  readonly type: string;
  readonly id: string;
}

/**
 * What a caller hands to `AuditLog.append`. The payload is any JSON-serialisable object; it is
 * normalised through JSON (Dates become ISO strings, `undefined` members disappear) before hashing.
 */
export interface NewAuditEvent {
  readonly actor: AuditActor;
  readonly action: string;
  readonly subject: AuditSubject;
  readonly payload: { readonly [key: string]: unknown };
}

/** The part of an event the hash covers, besides the previous hash. */
export interface AuditEventBody {
  readonly seq: number;
  /** ISO 8601 UTC with millisecond precision, exactly as hashed: when the event was written (real time). */
  readonly at: string;
  /**
   * The business time of the command (the clock port), same format; hashed when present. Absent on
   * events written before business time was recorded.
   */
  readonly businessAt?: string;
  readonly actor: { readonly sub: string; readonly role: string; readonly organisation: string | null };
  readonly action: string;
  readonly subject: AuditSubject;
  readonly payload: JsonObject;
}

/** An event as recorded in the chain. */
export interface AuditEvent extends AuditEventBody {
  readonly prevHash: string;
  readonly hash: string;
}
