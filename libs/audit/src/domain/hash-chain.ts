import { createHash, randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';
import { AuditActor, AuditEventBody, AuditSubject, JsonObject } from './audit-event';

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

/** The canonical body of a new event cut around the two values the chain's head decides. */
export interface CanonicalPieces {
  /** Everything before the `at` string's characters (its opening quote included). */
  readonly beforeAt: string;
  /** Everything between `at`'s characters and `seq`'s digits. */
  readonly beforeSeq: string;
  /** Everything after `seq`'s digits. */
  readonly afterSeq: string;
}

/**
 * `canonicalEventBody` of an event whose `seq` and `at` are not known yet, as three pieces:
 * `beforeAt + at + beforeSeq + seq + afterSeq` is its canonical body once they are. The two
 * places are found by markers no payload can contain (random per call), each exactly once.
 */
export function canonicalPiecesAround(
  actor: Required<AuditActor>,
  action: string,
  subject: AuditSubject,
  payload: JsonObject,
  businessAt: string,
): CanonicalPieces {
  const marker = randomUUID();
  const atMarker = `kp-at-${marker}`;
  const seqMarker = `kp-seq-${marker}`;
  const text = canonicalEventBody({
    seq: seqMarker as unknown as number,
    at: atMarker,
    businessAt,
    actor,
    action,
    subject,
    payload,
  });
  const [beforeAt, afterAt, ...moreAt] = text.split(atMarker);
  const [beforeSeq, afterSeq, ...moreSeq] = (afterAt ?? '').split(JSON.stringify(seqMarker));
  if (afterAt === undefined || moreAt.length > 0 || afterSeq === undefined || moreSeq.length > 0) {
    throw new Error('canonical event body: the seq and at markers must each occur exactly once');
  }
  return { beforeAt, beforeSeq, afterSeq };
}

/** `CanonicalPieces` with `afterSeq` cut once more around the subject's id (a JSON string, quotes included). */
export interface CanonicalPiecesWithSubjectId extends Omit<CanonicalPieces, 'afterSeq'> {
  /** Everything between `seq`'s digits and the subject id's JSON string. */
  readonly beforeSubjectId: string;
  /** Everything after the subject id's JSON string. */
  readonly afterSubjectId: string;
}

/**
 * As `canonicalPiecesAround`, for an event whose subject id is also decided in the statement that
 * appends it (a case's number, taken under the same commit): `beforeAt + at + beforeSeq + seq +
 * beforeSubjectId + JSON(id) + afterSubjectId` is its canonical body. RFC 8785 sorts `subject`
 * after `seq`, so the id's place is in what follows `seq`.
 */
export function canonicalPiecesAroundSubjectId(
  actor: Required<AuditActor>,
  action: string,
  subjectType: string,
  payload: JsonObject,
  businessAt: string,
): CanonicalPiecesWithSubjectId {
  const idMarker = `kp-subject-${randomUUID()}`;
  const { beforeAt, beforeSeq, afterSeq } = canonicalPiecesAround(actor, action, { type: subjectType, id: idMarker }, payload, businessAt);
  const [beforeSubjectId, afterSubjectId, ...more] = afterSeq.split(JSON.stringify(idMarker));
  if (afterSubjectId === undefined || more.length > 0) throw new Error('canonical event body: the subject id marker must occur exactly once after seq');
  return { beforeAt, beforeSeq, beforeSubjectId, afterSubjectId };
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
