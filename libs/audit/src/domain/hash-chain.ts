import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { AuditEventBody, JsonObject } from './audit-event';

/** The previous hash of the first event (seq 1). */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * RFC 8785 (JSON Canonicalization Scheme) text of a value: sorted keys, ECMAScript number form.
 * Two parties who hold the same data always hash the same bytes.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON representation');
  return text;
}

/**
 * The canonical JSON of `{seq, at, businessAt?, actor, action, subject, payload}`: the bytes (as
 * UTF-8) that the hash covers after the previous hash, and that new events store in `canonical`.
 * `businessAt` only when the event has one, so earlier events hash as they did.
 */
export function canonicalEventBody(body: AuditEventBody): string {
  return canonicalJson({
    seq: body.seq,
    at: body.at,
    ...(body.businessAt === undefined ? {} : { businessAt: body.businessAt }),
    actor: { sub: body.actor.sub, role: body.actor.role, organisation: body.actor.organisation },
    action: body.action,
    subject: { type: body.subject.type, id: body.subject.id },
    payload: body.payload,
  });
}

/** `sha256(prev_hash ‖ canonical body)`, lower-case hex. */
export function hashCanonical(prevHash: string, canonicalBody: string): string {
  return createHash('sha256').update(prevHash, 'utf8').update(canonicalBody, 'utf8').digest('hex');
}

/** `sha256(prev_hash ‖ canonical JSON of the body)`, lower-case hex (DESIGN.md §7). */
export function hashEvent(prevHash: string, body: AuditEventBody): string {
  return hashCanonical(prevHash, canonicalEventBody(body));
}

/**
 * Normalises a caller's payload to the JSON object that is stored and hashed. Going through the
 * canonical text means what is hashed is exactly what jsonb stores and gives back.
 */
export function normalisePayload(payload: { readonly [key: string]: unknown }): JsonObject {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new TypeError('audit payload must be a JSON object');
  }
  return JSON.parse(canonicalJson(payload)) as JsonObject;
}
