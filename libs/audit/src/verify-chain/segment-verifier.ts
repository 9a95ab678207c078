import type * as NodeCrypto from 'node:crypto';
import type { ChainBreakReason } from '../domain/chain-verification';

/**
 * What one worker reports for one segment of the chain: the links at both ends, so the segments
 * can be joined in seq order, and the first broken link inside it. The link into the first event
 * (its seq and prev_hash) is checked by whoever joins the segments.
 */
export interface SegmentResult {
  readonly count: number;
  readonly firstSeq: number;
  readonly firstPrevHash: string;
  readonly lastSeq: number;
  readonly lastHash: string;
  /** Signed checkpoints met inside the segment, each with its hash. */
  readonly matched: number;
  readonly broken: { seq: number; expectedHash: string; foundHash: string; reason: ChainBreakReason } | null;
}

/**
 * The columns `COPY … (FORMAT binary)` sends for each event, in this order; the segment verifier
 * reads them by position.
 */
export const SEGMENT_COLUMNS =
  'seq, at, business_at, actor_sub, actor_role, actor_organisation, action, subject_type, subject_id, payload, prev_hash, hash, canonical';

/**
 * Builds the function that verifies one segment: a run of whole tuples of PostgreSQL's binary COPY
 * format (header and trailer stripped), in seq order. For each event it checks, like `ChainWalker`,
 * the seq and prev_hash links inside the segment, the hash, and any signed checkpoint at its seq.
 *
 * An event with stored canonical bytes (issue 17) is hashed from those bytes, and its columns are
 * then held against them: the bytes must be exactly the canonical JSON of the columns' actor,
 * action, subject, times and seq around a payload equal to the payload column (both parsed: two
 * native JSON.parse calls cost less than canonicalising the column). Only when that comparison
 * fails is the event rebuilt from its columns and hashed again, which decides (the comparison
 * never accepts what the rebuild would refuse). An event without stored bytes (written
 * before issue 17) is rebuilt from its columns, as `hashEvent` does.
 *
 * It runs on worker threads from its source text (`segmentWorkerSource`), so it must not refer to
 * anything outside itself: imports would not exist there, and a bundler rewrites `require`. Node's
 * crypto module comes in as an argument. `segment-verifier.spec.ts` holds its rebuild equal to
 * `hashEvent`.
 */
export function makeSegmentVerifier(
  crypto: Pick<typeof NodeCrypto, 'createHash'>,
  anchorPairs: readonly (readonly [number, string])[],
): (data: Uint8Array) => SegmentResult {
  const anchors = new Map<number, string>(anchorPairs);
  const EPOCH_2000_MS = 946_684_800_000;
  const FIELDS = 13;

  const DAY_MS = 86_400_000;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  let cachedDay = Number.NaN;
  let cachedDate = '';

  /**
   * timestamptz (microseconds since 2000) as the ISO text the hash covers: milliseconds, or
   * microseconds when they are not whole, as `isoFromMicros` reads `to_char`. The date part is
   * formatted once per day: events come in time order.
   */
  function isoOf(hi: number, lo: number): string {
    const micros = hi * 4_294_967_296 + lo;
    const ms = Math.floor(micros / 1000);
    const sub = micros - ms * 1000;
    const t = EPOCH_2000_MS + ms;
    const day = Math.floor(t / DAY_MS);
    if (day !== cachedDay) {
      const date = new Date(day * DAY_MS);
      // Years outside 0000–9999 are written another way; no event is, so any such row fails its hash.
      if (!Number.isFinite(date.getTime()) || date.getUTCFullYear() < 0 || date.getUTCFullYear() > 9999) return `invalid:${micros}`;
      cachedDay = day;
      cachedDate = date.toISOString().slice(0, 11);
    }
    let rest = t - day * DAY_MS;
    const h = Math.floor(rest / 3_600_000);
    rest -= h * 3_600_000;
    const m = Math.floor(rest / 60_000);
    rest -= m * 60_000;
    const s = Math.floor(rest / 1000);
    rest -= s * 1000;
    return `${cachedDate}${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(rest, 3)}${sub === 0 ? '' : pad(sub, 3)}Z`;
  }

  /** RFC 8785 of a value parsed from JSON (what the `canonicalize` package gives for it). */
  function canonical(value: unknown): string {
    if (value === null || typeof value !== 'object') return JSON.stringify(value);
    let out = '';
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonical(value[i]);
      return `[${out}]`;
    }
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object).sort();
    for (let i = 0; i < keys.length; i++) out += `${i === 0 ? '' : ','}${JSON.stringify(keys[i])}:${canonical(object[keys[i]])}`;
    return `{${out}}`;
  }

  function sameJson(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
    if (Array.isArray(a)) {
      if (!Array.isArray(b) || a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
      return true;
    }
    if (Array.isArray(b)) return false;
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    for (const key of keys) if (!Object.prototype.hasOwnProperty.call(y, key) || !sameJson(x[key], y[key])) return false;
    return true;
  }

  function parsed(text: string): { ok: true; value: unknown } | { ok: false } {
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch {
      return { ok: false };
    }
  }

  return function verifySegment(bytes: Uint8Array): SegmentResult {
    const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const starts = new Array<number>(FIELDS);
    const ends = new Array<number>(FIELDS);
    let pos = 0;
    let count = 0;
    let matched = 0;
    let firstSeq = 0;
    let firstPrevHash = '';
    let lastSeq = 0;
    let lastHash = '';
    const result = (broken: SegmentResult['broken']): SegmentResult => ({
      count, firstSeq, firstPrevHash, lastSeq, lastHash, matched, broken,
    });

    while (pos < data.length) {
      const fields = data.readInt16BE(pos);
      pos += 2;
      if (fields === -1) break;
      if (fields !== FIELDS) throw new Error(`audit COPY tuple has ${fields} fields, expected ${FIELDS}`);
      for (let f = 0; f < FIELDS; f++) {
        const length = data.readInt32BE(pos);
        pos += 4;
        starts[f] = pos;
        ends[f] = length < 0 ? -1 : pos + length;
        if (length > 0) pos += length;
      }
      const seq = data.readInt32BE(starts[0]) * 4_294_967_296 + data.readUInt32BE(starts[0] + 4);
      const prevHash = data.toString('latin1', starts[10], ends[10]);
      const hash = data.toString('latin1', starts[11], ends[11]);
      if (count === 0) {
        firstSeq = seq;
        firstPrevHash = prevHash;
      } else {
        if (seq !== lastSeq + 1) {
          return result({ seq: lastSeq + 1, expectedHash: lastHash, foundHash: prevHash, reason: 'seq_gap' });
        }
        if (prevHash !== lastHash) {
          return result({ seq, expectedHash: lastHash, foundHash: prevHash, reason: 'prev_hash_mismatch' });
        }
      }

      const text = (f: number) => data.toString('utf8', starts[f], ends[f]);
      const orNull = (f: number) => (ends[f] < 0 ? null : text(f));
      const at = isoOf(data.readInt32BE(starts[1]), data.readUInt32BE(starts[1] + 4));
      const businessAt = ends[2] < 0 ? null : isoOf(data.readInt32BE(starts[2]), data.readUInt32BE(starts[2] + 4));
      const organisation = orNull(5);
      // The canonical body around its payload; RFC 8785 orders the keys as written here, and
      // serialises strings and numbers as JSON.stringify does.
      const head =
        `{"action":${JSON.stringify(text(6))},"actor":{"organisation":${organisation === null ? 'null' : JSON.stringify(organisation)},` +
        `"role":${JSON.stringify(text(4))},"sub":${JSON.stringify(text(3))}},"at":"${at}"` +
        `${businessAt === null ? '' : `,"businessAt":"${businessAt}"`},"payload":`;
      const tail = `,"seq":${seq},"subject":{"id":${JSON.stringify(text(8))},"type":${JSON.stringify(text(7))}}}`;
      // jsonb's binary form is a version byte (1) and its text.
      const payloadText = data.toString('utf8', starts[9] + 1, ends[9]);

      let bytesHash: string | null = null;
      let agrees = false;
      if (ends[12] >= 0) {
        bytesHash = crypto
          .createHash('sha256')
          .update(data.subarray(starts[10], ends[10]))
          .update(data.subarray(starts[12], ends[12]))
          .digest('hex');
        if (bytesHash === hash) {
          const body = data.toString('utf8', starts[12], ends[12]);
          if (body.length > head.length + tail.length && body.startsWith(head) && body.endsWith(tail)) {
            const fromBytes = parsed(body.slice(head.length, body.length - tail.length));
            const fromColumn = parsed(payloadText);
            agrees = fromBytes.ok && fromColumn.ok && sameJson(fromBytes.value, fromColumn.value);
          }
        }
      }
      if (!agrees) {
        const payload = parsed(payloadText);
        const rebuilt = payload.ok
          ? crypto.createHash('sha256').update(prevHash, 'utf8').update(head + canonical(payload.value) + tail, 'utf8').digest('hex')
          : '';
        const valid = rebuilt === hash && (bytesHash === null || bytesHash === hash);
        if (!valid) {
          const expectedHash = bytesHash !== null && bytesHash !== hash ? bytesHash : rebuilt;
          return result({ seq, expectedHash, foundHash: hash, reason: 'hash_mismatch' });
        }
      }

      const anchored = anchors.get(seq);
      if (anchored !== undefined) {
        if (anchored !== hash) return result({ seq, expectedHash: anchored, foundHash: hash, reason: 'checkpoint_mismatch' });
        matched += 1;
      }
      lastSeq = seq;
      lastHash = hash;
      count += 1;
    }
    return result(null);
  };
}

/** The source a worker thread runs: the verifier above, answering one segment per message. */
export function segmentWorkerSource(): string {
  return `
const { parentPort, workerData } = require('node:worker_threads');
const verify = (${makeSegmentVerifier.toString()})(require('node:crypto'), workerData.anchors);
parentPort.on('message', (message) => {
  try {
    parentPort.postMessage({ id: message.id, result: verify(new Uint8Array(message.buffer, 0, message.length)) });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: String((error && error.stack) || error) });
  }
});
`;
}
