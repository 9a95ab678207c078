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
 * `sha256(prev_hash ‖ canonical JSON of {seq, at, businessAt?, actor, action, subject, payload})`,
 * lower-case hex; `businessAt` only when the event has one, so earlier events hash as they did.
 */
export function hashEvent(prevHash: string, body: AuditEventBody): string {
  const canonicalBody = canonicalJson({
    seq: body.seq,
    at: body.at,
    ...(body.businessAt === undefined ? {} : { businessAt: body.businessAt }),
    actor: { sub: body.actor.sub, role: body.actor.role, organisation: body.actor.organisation },
    action: body.action,
    subject: { type: body.subject.type, id: body.subject.id },
    payload: body.payload,
  });
  return createHash('sha256').update(prevHash, 'utf8').update(canonicalBody, 'utf8').digest('hex');
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
