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
  'seq, at, business_at, actor_sub, actor_role, actor_organisation, action, subject_type, subject_id, payload, hash, prev_hash, canonical';

/**
 * Builds the function that verifies one segment: a run of whole tuples of PostgreSQL's binary COPY
 * format (header and trailer stripped), in seq order. For each event it checks, like `ChainWalker`,
 * the seq and prev_hash links inside the segment, the hash, and any signed checkpoint at its seq.
 *
 * An event with stored canonical bytes (issue 17) is hashed from those bytes, and its columns are
 * then held against them: the bytes must be exactly the canonical JSON of the columns' actor,
 * action, subject, times and seq around a payload equal to the payload column. That is first
 * compared byte by byte, without building text (`sameAsColumns`: the profile showed the text, the
 * second JSON.parse and their garbage costing more than the hash); what it cannot settle (a column
 * that JSON must escape, a payload whose bytes are not its column's value as RFC 8785 writes it)
 * goes to the comparison as text (`sameAsText`: both payloads parsed and compared as values).
 * Only when that fails too is the event rebuilt from its columns and hashed again, which decides
 * (neither comparison accepts what the rebuild would refuse). An event without stored bytes
 * (written before issue 17) is rebuilt from its columns, as `hashEvent` does.
 *
 * It runs on worker threads from its source text (`segmentWorkerSource`), so it must not refer to
 * anything outside itself: imports would not exist there, and a bundler rewrites `require`. Node's
 * crypto module comes in as an argument. `segment-verifier.spec.ts` holds its rebuild equal to
 * `hashEvent`.
 */
export function makeSegmentVerifier(
  crypto: Pick<typeof NodeCrypto, 'createHash' | 'hash'>,
  anchorPairs: readonly (readonly [number, string])[],
): (data: Uint8Array, walkAnchors?: ReadonlyMap<number, string>) => SegmentResult {
  const anchors = new Map<number, string>(anchorPairs);
  const EPOCH_2000_MS = 946_684_800_000;
  const FIELDS = 13;
  /** Where each field of the tuple being verified starts and ends in the segment (end -1: NULL). */
  const starts = new Int32Array(FIELDS);
  const ends = new Int32Array(FIELDS);

  const DAY_MS = 86_400_000;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  let cachedDay = Number.NaN;
  let cachedDate = '';
  /** `cachedDate` ("YYYY-MM-DDT") as bytes, for comparing with the stored bytes. */
  const cachedDateBytes = new Uint8Array(11);

  /**
   * Makes `day` (days since 1970) the cached date; false for a year outside 0000–9999, which is
   * written another way (no event is, so any such row fails its hash).
   */
  function cacheDay(day: number): boolean {
    if (day === cachedDay) return true;
    const date = new Date(day * DAY_MS);
    if (!Number.isFinite(date.getTime()) || date.getUTCFullYear() < 0 || date.getUTCFullYear() > 9999) return false;
    cachedDay = day;
    cachedDate = date.toISOString().slice(0, 11);
    for (let i = 0; i < 11; i++) cachedDateBytes[i] = cachedDate.charCodeAt(i);
    return true;
  }

  /** Hours, minutes, seconds, milliseconds and the microseconds left of the last `splitTime` (reused: no allocation per event). */
  const clock = [0, 0, 0, 0, 0];

  /**
   * Splits a timestamptz (microseconds since 2000) into `clock` and makes its day the cached date;
   * false when the year cannot be written (see `cacheDay`).
   */
  function splitTime(micros: number): boolean {
    const ms = Math.floor(micros / 1000);
    const t = EPOCH_2000_MS + ms;
    const day = Math.floor(t / DAY_MS);
    if (!cacheDay(day)) return false;
    let rest = t - day * DAY_MS;
    clock[0] = Math.floor(rest / 3_600_000);
    rest -= clock[0] * 3_600_000;
    clock[1] = Math.floor(rest / 60_000);
    rest -= clock[1] * 60_000;
    clock[2] = Math.floor(rest / 1000);
    clock[3] = rest - clock[2] * 1000;
    clock[4] = micros - ms * 1000;
    return true;
  }

  /**
   * timestamptz (microseconds since 2000) as the ISO text the hash covers: milliseconds, or
   * microseconds when they are not whole, as `isoFromMicros` reads `to_char`. The date part is
   * formatted once per day: events come in time order.
   */
  function isoOf(hi: number, lo: number): string {
    const micros = hi * 4_294_967_296 + lo;
    if (!splitTime(micros)) return `invalid:${micros}`;
    const [h, m, s, rest, sub] = clock;
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

  // ---- The columns held against the stored bytes without building text (the fast path) ----
  //
  // Each function below reads the canonical bytes `c` at `p` and answers the position after what
  // it expected there, or -1 (also when handed -1): a -1 only sends the event to the text
  // comparison, never breaks it, so these may refuse more than that comparison but must never
  // accept anything it would refuse.

  const ascii = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
  const BEFORE_ACTION = ascii('{"action":');
  const BEFORE_ORGANISATION = ascii(',"actor":{"organisation":');
  const BEFORE_ROLE = ascii(',"role":');
  const BEFORE_SUB = ascii(',"sub":');
  const BEFORE_AT = ascii('},"at":"');
  const BEFORE_BUSINESS_AT = ascii('","businessAt":"');
  const BEFORE_PAYLOAD = ascii('","payload":');
  const BEFORE_SEQ = ascii(',"seq":');
  const BEFORE_SUBJECT_ID = ascii(',"subject":{"id":');
  const BEFORE_SUBJECT_TYPE = ascii(',"type":');
  const CLOSE = ascii('}}');
  const NULL = ascii('null');
  const TRUE = ascii('true');
  const FALSE = ascii('false');

  function literal(c: Buffer, p: number, lit: Uint8Array): number {
    if (p < 0) return -1;
    for (let i = 0; i < lit.length; i++) if (c[p + i] !== lit[i]) return -1;
    return p + lit.length;
  }

  /**
   * Text column `f` as a JSON string. Only a column whose bytes hold no `"`, `\` or control
   * character: JSON.stringify writes such a string as its characters between quotes, so as its
   * UTF-8 bytes (UTF-8 decoding never yields a lone surrogate, the one other thing it escapes,
   * and never yields those characters from other bytes). Anything else goes the text way.
   */
  function column(c: Buffer, p: number, f: number): number {
    if (p < 0 || ends[f] < 0 || c[p] !== 0x22) return -1;
    const from = starts[f];
    const n = ends[f] - from;
    p += 1;
    for (let i = 0; i < n; i++) {
      const b = c[from + i];
      if (b === 0x22 || b === 0x5c || b < 0x20 || c[p + i] !== b) return -1;
    }
    return c[p + n] === 0x22 ? p + n + 1 : -1;
  }

  const digitPair = (c: Buffer, q: number, v: number) => c[q] === 48 + Math.floor(v / 10) && c[q + 1] === 48 + (v % 10);
  const digitTriple = (c: Buffer, q: number, v: number) =>
    c[q] === 48 + Math.floor(v / 100) && c[q + 1] === 48 + (Math.floor(v / 10) % 10) && c[q + 2] === 48 + (v % 10);

  /** timestamptz column `f` exactly as `isoOf` writes it, up to its closing quote (not included). */
  function time(c: Buffer, p: number, f: number): number {
    if (p < 0) return -1;
    const micros = c.readInt32BE(starts[f]) * 4_294_967_296 + c.readUInt32BE(starts[f] + 4);
    if (!splitTime(micros)) return -1;
    for (let i = 0; i < 11; i++) if (c[p + i] !== cachedDateBytes[i]) return -1;
    const h = clock[0], m = clock[1], s = clock[2], rest = clock[3], sub = clock[4];
    if (!digitPair(c, p + 11, h) || c[p + 13] !== 0x3a || !digitPair(c, p + 14, m) || c[p + 16] !== 0x3a) return -1;
    if (!digitPair(c, p + 17, s) || c[p + 19] !== 0x2e || !digitTriple(c, p + 20, rest)) return -1;
    if (sub === 0) return c[p + 23] === 0x5a ? p + 24 : -1;
    return digitTriple(c, p + 23, sub) && c[p + 26] === 0x5a ? p + 27 : -1;
  }

  /** A whole number below 10^15 (exact in a double) as JSON writes it: its digits, no leading zero. */
  function digits(c: Buffer, p: number, n: number): number {
    if (p < 0) return -1;
    let v = 0;
    let q = p;
    while (q - p < 15 && c[q] >= 48 && c[q] <= 57) v = v * 10 + (c[q++] - 48);
    if (q === p || (c[p] === 48 && q - p > 1) || (c[q] >= 48 && c[q] <= 57)) return -1;
    return v === n ? q : -1;
  }

  /** A string from the parsed payload as JSON.stringify writes it, encoded as UTF-8. */
  function string(c: Buffer, p: number, s: string): number {
    if (p < 0 || c[p] !== 0x22) return -1;
    let q = p + 1;
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      if (ch < 0x80) {
        if (ch < 0x20 || ch === 0x22 || ch === 0x5c) return escapedString(c, p, s);
        if (c[q++] !== ch) return -1;
      } else if (ch < 0x800) {
        if (c[q] !== (0xc0 | (ch >> 6)) || c[q + 1] !== (0x80 | (ch & 0x3f))) return -1;
        q += 2;
      } else if (ch >= 0xd800 && ch <= 0xdfff) {
        return escapedString(c, p, s);
      } else {
        if (c[q] !== (0xe0 | (ch >> 12)) || c[q + 1] !== (0x80 | ((ch >> 6) & 0x3f)) || c[q + 2] !== (0x80 | (ch & 0x3f))) return -1;
        q += 3;
      }
    }
    return c[q] === 0x22 ? q + 1 : -1;
  }

  /** The rare string with escapes or characters beyond the BMP: JSON.stringify's own bytes. */
  function escapedString(c: Buffer, p: number, s: string): number {
    const expected = Buffer.from(JSON.stringify(s), 'utf8');
    return literal(c, p, expected);
  }

  /**
   * An object's keys in RFC 8785 order. Payloads of one kind have the same keys in the same order
   * (jsonb's), so the sorted order is remembered per key list and the sort skipped on a match.
   */
  const sortedByFirstKey = new Map<string, { keys: string[]; sorted: string[] }>();
  function sortedKeys(object: Record<string, unknown>): string[] {
    const keys = Object.keys(object);
    if (keys.length < 2) return keys;
    const known = sortedByFirstKey.get(keys[0]);
    if (known !== undefined && known.keys.length === keys.length) {
      let same = true;
      for (let i = 1; i < keys.length && same; i++) same = known.keys[i] === keys[i];
      if (same) return known.sorted;
    }
    const sorted = keys.slice().sort();
    if (sortedByFirstKey.size < 256) sortedByFirstKey.set(keys[0], { keys, sorted });
    return sorted;
  }

  /** The payload parsed from its column, as `canonical` writes it (RFC 8785), without writing it. */
  function json(c: Buffer, p: number, value: unknown): number {
    if (p < 0) return -1;
    if (typeof value === 'string') return string(c, p, value);
    if (typeof value === 'number') {
      if (Number.isInteger(value) && value >= 0 && value < 1e15) return digits(c, p, value);
      return literal(c, p, ascii(JSON.stringify(value)));
    }
    if (value === null) return literal(c, p, NULL);
    if (value === true) return literal(c, p, TRUE);
    if (value === false) return literal(c, p, FALSE);
    if (Array.isArray(value)) {
      if (c[p++] !== 0x5b) return -1;
      for (let i = 0; i < value.length; i++) {
        if (i > 0 && c[p++] !== 0x2c) return -1;
        p = json(c, p, value[i]);
        if (p < 0) return -1;
      }
      return c[p] === 0x5d ? p + 1 : -1;
    }
    if (typeof value !== 'object') return -1;
    const object = value as Record<string, unknown>;
    const keys = sortedKeys(object);
    if (c[p++] !== 0x7b) return -1;
    for (let i = 0; i < keys.length; i++) {
      if (i > 0 && c[p++] !== 0x2c) return -1;
      p = string(c, p, keys[i]);
      if (p < 0 || c[p++] !== 0x3a) return -1;
      p = json(c, p, object[keys[i]]);
      if (p < 0) return -1;
    }
    return c[p] === 0x7d ? p + 1 : -1;
  }

  // ---- The payload column's jsonb text held against the stored bytes' payload, token by token ----
  //
  // jsonb writes its text with its own key order (by length, then bytes) and ", " / ": " between,
  // so the two texts differ as wholes; but a string, number or literal token that is the same bytes
  // in both is the same value, and an object is the same when each member of the bytes' object
  // meets one member of the column's object with the same key token and the same value. That needs
  // no JSON.parse, no strings and no objects (the profile had the parse, its garbage and the walk
  // over the parsed value at half the verifier's time). Tokens written differently (1e21 against
  // jsonb's 1000000000000000000000, "2.50") refuse, and the parsed comparison below decides.

  const MAX_MEMBERS = 4096;
  const MAX_DEPTH = 64;
  /** The column's object members being matched, as a stack: key token start and end, value start, met. */
  const memberKey = new Int32Array(MAX_MEMBERS);
  const memberKeyEnd = new Int32Array(MAX_MEMBERS);
  const memberValue = new Int32Array(MAX_MEMBERS);
  const memberMet = new Uint8Array(MAX_MEMBERS);
  let membersTop = 0;
  /** Where the column's text continues after the value `sameValue` last compared. */
  let columnAfter = 0;

  const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
  function skipSpace(c: Buffer, q: number, end: number): number {
    while (q < end && isSpace(c[q])) q++;
    return q;
  }

  /** Where the string token at `q` (its opening quote) ends, after its closing quote; -1 if not before `end`. */
  function stringEnd(c: Buffer, q: number, end: number): number {
    if (c[q] !== 0x22) return -1;
    for (q += 1; q < end; q++) {
      const b = c[q];
      if (b === 0x22) return q + 1;
      if (b === 0x5c) q++;
    }
    return -1;
  }

  /** Where the scalar token (number, true, false, null) at `q` ends. */
  function scalarEnd(c: Buffer, q: number, end: number): number {
    while (q < end) {
      const b = c[q];
      if (b === 0x2c || b === 0x7d || b === 0x5d || b === 0x3a || b === 0x22 || isSpace(b)) break;
      q++;
    }
    return q;
  }

  /** Where the value at `q` in the column's text ends (strings, nesting), or -1. */
  function valueEnd(c: Buffer, q: number, end: number): number {
    const first = c[q];
    if (first === 0x22) return stringEnd(c, q, end);
    if (first !== 0x7b && first !== 0x5b) {
      const e = scalarEnd(c, q, end);
      return e > q ? e : -1;
    }
    let depth = 0;
    while (q < end) {
      const b = c[q];
      if (b === 0x22) {
        q = stringEnd(c, q, end);
        if (q < 0) return -1;
        continue;
      }
      if (b === 0x7b || b === 0x5b) depth++;
      else if (b === 0x7d || b === 0x5d) {
        depth--;
        if (depth === 0) return q + 1;
      }
      q++;
    }
    return -1;
  }

  function sameBytes(c: Buffer, p: number, q: number, n: number): boolean {
    for (let i = 0; i < n; i++) if (c[p + i] !== c[q + i]) return false;
    return true;
  }

  /**
   * Compares the value at `p` in the stored bytes (up to `pEnd`, no spacing) with the value at `q`
   * in the column's text (up to `qEnd`): answers the position after it in the bytes and leaves the
   * one in the column in `columnAfter`, or -1 when they are not the same tokens.
   */
  function sameValue(c: Buffer, p: number, pEnd: number, q: number, qEnd: number, depth: number): number {
    q = skipSpace(c, q, qEnd);
    if (q >= qEnd || p >= pEnd || depth > MAX_DEPTH) return -1;
    const first = c[q];
    if (first === 0x7b) return sameObject(c, p, pEnd, q, qEnd, depth);
    if (first === 0x5b) {
      if (c[p] !== 0x5b) return -1;
      p += 1;
      q = skipSpace(c, q + 1, qEnd);
      if (c[q] === 0x5d) {
        columnAfter = q + 1;
        return c[p] === 0x5d ? p + 1 : -1;
      }
      for (;;) {
        p = sameValue(c, p, pEnd, q, qEnd, depth + 1);
        if (p < 0) return -1;
        q = skipSpace(c, columnAfter, qEnd);
        if (c[q] === 0x5d) {
          columnAfter = q + 1;
          return p < pEnd && c[p] === 0x5d ? p + 1 : -1;
        }
        if (c[q] !== 0x2c || c[p] !== 0x2c) return -1;
        p += 1;
        q += 1;
      }
    }
    const e = first === 0x22 ? stringEnd(c, q, qEnd) : scalarEnd(c, q, qEnd);
    const n = e - q;
    if (e < 0 || n === 0 || p + n > pEnd || !sameBytes(c, p, q, n)) return -1;
    columnAfter = e;
    return p + n;
  }

  /** {@link sameValue} for an object in the column: its members first, then the bytes' members met one each. */
  function sameObject(c: Buffer, p: number, pEnd: number, q: number, qEnd: number, depth: number): number {
    if (c[p] !== 0x7b) return -1;
    p += 1;
    const base = membersTop;
    q = skipSpace(c, q + 1, qEnd);
    if (c[q] !== 0x7d) {
      for (;;) {
        if (membersTop >= MAX_MEMBERS) return -1;
        const keyStart = q;
        const keyEnd = stringEnd(c, q, qEnd);
        if (keyEnd < 0) return -1;
        q = skipSpace(c, keyEnd, qEnd);
        if (c[q] !== 0x3a) return -1;
        q = skipSpace(c, q + 1, qEnd);
        const valueStart = q;
        q = valueEnd(c, q, qEnd);
        if (q < 0) return -1;
        memberKey[membersTop] = keyStart;
        memberKeyEnd[membersTop] = keyEnd;
        memberValue[membersTop] = valueStart;
        memberMet[membersTop] = 0;
        membersTop++;
        q = skipSpace(c, q, qEnd);
        if (c[q] === 0x7d) break;
        if (c[q] !== 0x2c) return -1;
        q = skipSpace(c, q + 1, qEnd);
      }
    }
    const after = q + 1;
    const count = membersTop - base;
    // A failure anywhere fails the whole comparison, which starts the stack afresh: only a match pops.
    for (let i = 0; i < count; i++) {
      if (i > 0 && c[p++] !== 0x2c) return -1;
      const keyEnd = stringEnd(c, p, pEnd);
      if (keyEnd < 0 || c[keyEnd] !== 0x3a) return -1;
      const n = keyEnd - p;
      // Each key meets one member (jsonb has no two keys alike), so the bytes' object has the same keys.
      let m = base;
      for (; m < membersTop; m++) {
        if (memberMet[m] === 0 && memberKeyEnd[m] - memberKey[m] === n && sameBytes(c, p, memberKey[m], n)) break;
      }
      if (m === membersTop) return -1;
      memberMet[m] = 1;
      p = sameValue(c, keyEnd + 1, pEnd, memberValue[m], qEnd, depth + 1);
      if (p < 0) return -1;
    }
    membersTop = base;
    columnAfter = after;
    return p < pEnd && c[p] === 0x7d ? p + 1 : -1;
  }

  /**
   * The payload column (jsonb: a version byte, 1, then its text) against the stored bytes' payload
   * at `p`: the position after the payload in the bytes, or -1 when the tokens differ anywhere.
   */
  function samePayloadTokens(c: Buffer, p: number, pEnd: number): number {
    const from = starts[9];
    const to = ends[9];
    if (to <= from + 1 || c[from] !== 1) return -1;
    membersTop = 0;
    const after = sameValue(c, p, pEnd, from + 1, to, 0);
    return after >= 0 && skipSpace(c, columnAfter, to) === to ? after : -1;
  }

  /**
   * Whether the stored bytes of the current event are exactly the canonical JSON of its columns,
   * compared byte by byte: the fixed layout's literals, the text columns' bytes, the times and seq
   * as `isoOf` and JSON write them, and the payload column parsed once and walked as `canonical`
   * would write it. False sends the event to `sameAsText`, which decides.
   */
  function sameAsColumns(c: Buffer, seq: number): boolean {
    if (ends[9] <= starts[9]) return false;
    const end = ends[12];
    let p = literal(c, starts[12], BEFORE_ACTION);
    p = column(c, p, 6);
    p = literal(c, p, BEFORE_ORGANISATION);
    p = ends[5] < 0 ? literal(c, p, NULL) : column(c, p, 5);
    p = column(c, literal(c, p, BEFORE_ROLE), 4);
    p = column(c, literal(c, p, BEFORE_SUB), 3);
    p = time(c, literal(c, p, BEFORE_AT), 1);
    if (ends[2] >= 0) p = time(c, literal(c, p, BEFORE_BUSINESS_AT), 2);
    p = literal(c, p, BEFORE_PAYLOAD);
    if (p < 0 || p >= end) return false;
    const afterTokens = samePayloadTokens(c, p, end);
    if (afterTokens >= 0) {
      p = afterTokens;
    } else {
      let payload: unknown;
      try {
        payload = JSON.parse(c.toString('utf8', starts[9] + 1, ends[9]));
      } catch {
        return false;
      }
      p = json(c, p, payload);
    }
    if (!(seq >= 0 && seq < 1e15)) return false;
    p = digits(c, literal(c, p, BEFORE_SEQ), seq);
    p = column(c, literal(c, p, BEFORE_SUBJECT_ID), 8);
    p = column(c, literal(c, p, BEFORE_SUBJECT_TYPE), 7);
    return literal(c, p, CLOSE) === end;
  }

  /** Whether `hex` is the text in `c[from, to)` (both ASCII when they agree). */
  function isTextOf(hex: string, c: Buffer, from: number, to: number): boolean {
    if (to - from !== hex.length) return false;
    for (let i = 0; i < hex.length; i++) if (c[from + i] !== hex.charCodeAt(i)) return false;
    return true;
  }

  /** Whether two fields hold the same bytes (NULL as empty, as their latin1 text would say). */
  function sameField(c: Buffer, from: number, to: number, otherFrom: number, otherTo: number): boolean {
    const n = to < from ? 0 : to - from;
    if (n !== (otherTo < otherFrom ? 0 : otherTo - otherFrom)) return false;
    for (let i = 0; i < n; i++) if (c[from + i] !== c[otherFrom + i]) return false;
    return true;
  }

  /** The canonical body of the current event around its payload, built from its columns as text. */
  function textAround(c: Buffer, seq: number): { head: string; tail: string } {
    const text = (f: number) => c.toString('utf8', starts[f], ends[f]);
    const at = isoOf(c.readInt32BE(starts[1]), c.readUInt32BE(starts[1] + 4));
    const businessAt = ends[2] < 0 ? null : isoOf(c.readInt32BE(starts[2]), c.readUInt32BE(starts[2] + 4));
    const organisation = ends[5] < 0 ? null : text(5);
    // RFC 8785 orders the keys as written here, and serialises strings and numbers as
    // JSON.stringify does.
    const head =
      `{"action":${JSON.stringify(text(6))},"actor":{"organisation":${organisation === null ? 'null' : JSON.stringify(organisation)},` +
      `"role":${JSON.stringify(text(4))},"sub":${JSON.stringify(text(3))}},"at":"${at}"` +
      `${businessAt === null ? '' : `,"businessAt":"${businessAt}"`},"payload":`;
    const tail = `,"seq":${seq},"subject":{"id":${JSON.stringify(text(8))},"type":${JSON.stringify(text(7))}}}`;
    return { head, tail };
  }

  /**
   * The general comparison of stored bytes and columns: the bytes as text must start and end with
   * the columns' canonical text, and the payload between must parse to the payload column's value.
   */
  function sameAsText(c: Buffer, seq: number): boolean {
    const { head, tail } = textAround(c, seq);
    const body = c.toString('utf8', starts[12], ends[12]);
    if (!(body.length > head.length + tail.length && body.startsWith(head) && body.endsWith(tail))) return false;
    const fromBytes = parsed(body.slice(head.length, body.length - tail.length));
    // jsonb's binary form is a version byte (1) and its text.
    const fromColumn = parsed(c.toString('utf8', starts[9] + 1, ends[9]));
    return fromBytes.ok && fromColumn.ok && sameJson(fromBytes.value, fromColumn.value);
  }

  /**
   * Verifies one segment, once: it changes the segment's bytes as it goes (see the hash below).
   * `walkAnchors` replaces the checkpoints given above (a kept worker serves many walks).
   */
  return function verifySegment(bytes: Uint8Array, walkAnchors: ReadonlyMap<number, string> = anchors): SegmentResult {
    const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let pos = 0;
    let count = 0;
    let matched = 0;
    let firstSeq = 0;
    let firstPrevHash = '';
    let lastSeq = 0;
    // Where the last event's hash lies in the segment: it becomes text only for the answer.
    let lastHashStart = 0;
    let lastHashEnd = 0;
    const latin1 = (from: number, to: number) => data.toString('latin1', from, to);
    const result = (broken: SegmentResult['broken']): SegmentResult => ({
      count, firstSeq, firstPrevHash, lastSeq, lastHash: latin1(lastHashStart, lastHashEnd), matched, broken,
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
      // prev_hash lies just before the stored bytes, but for the bytes' 4-byte length: moved up over
      // it, the two are the one run of bytes the hash covers, hashed in one call (crypto.hash: no Hash
      // object a row, which the profile showed in the garbage collector). The segment is the
      // verifier's own (moved to its worker); the length was read above.
      if (ends[12] >= 0 && ends[11] >= 0 && ends[11] + 4 === starts[12]) {
        data.copyWithin(starts[11] + 4, starts[11], ends[11]);
        starts[11] += 4;
        ends[11] += 4;
      }
      const seq = data.readInt32BE(starts[0]) * 4_294_967_296 + data.readUInt32BE(starts[0] + 4);
      if (count === 0) {
        firstSeq = seq;
        firstPrevHash = latin1(starts[11], ends[11]);
      } else {
        if (seq !== lastSeq + 1) {
          return result({ seq: lastSeq + 1, expectedHash: latin1(lastHashStart, lastHashEnd), foundHash: latin1(starts[11], ends[11]), reason: 'seq_gap' });
        }
        if (!sameField(data, starts[11], ends[11], lastHashStart, lastHashEnd)) {
          return result({ seq, expectedHash: latin1(lastHashStart, lastHashEnd), foundHash: latin1(starts[11], ends[11]), reason: 'prev_hash_mismatch' });
        }
      }

      let bytesHash: string | null = null;
      let agrees = false;
      if (ends[12] >= 0) {
        bytesHash =
          ends[11] === starts[12]
            ? crypto.hash('sha256', data.subarray(starts[11], ends[12]), 'hex')
            : crypto.createHash('sha256').update(data.subarray(starts[11], Math.max(starts[11], ends[11]))).update(data.subarray(starts[12], ends[12])).digest('hex');
        agrees = isTextOf(bytesHash, data, starts[10], ends[10]) && (sameAsColumns(data, seq) || sameAsText(data, seq));
      }
      if (!agrees) {
        const prevHash = latin1(starts[11], ends[11]);
        const hash = latin1(starts[10], ends[10]);
        const { head, tail } = textAround(data, seq);
        const payload = parsed(data.toString('utf8', starts[9] + 1, ends[9]));
        const rebuilt = payload.ok
          ? crypto.createHash('sha256').update(prevHash, 'utf8').update(head + canonical(payload.value) + tail, 'utf8').digest('hex')
          : '';
        const valid = rebuilt === hash && (bytesHash === null || bytesHash === hash);
        if (!valid) {
          const expectedHash = bytesHash !== null && bytesHash !== hash ? bytesHash : rebuilt;
          return result({ seq, expectedHash, foundHash: hash, reason: 'hash_mismatch' });
        }
      }

      const anchored = walkAnchors.get(seq);
      if (anchored !== undefined) {
        const hash = latin1(starts[10], ends[10]);
        if (anchored !== hash) return result({ seq, expectedHash: anchored, foundHash: hash, reason: 'checkpoint_mismatch' });
        matched += 1;
      }
      lastSeq = seq;
      lastHashStart = starts[10];
      lastHashEnd = ends[10];
      count += 1;
    }
    return result(null);
  };
}

/** The source a worker thread runs: the verifier above, answering one segment per message and giving its buffer back. */
export function segmentWorkerSource(): string {
  return `
const { parentPort } = require('node:worker_threads');
const verify = (${makeSegmentVerifier.toString()})(require('node:crypto'), []);
/** Each walk's signed checkpoints, sent with its first segment to this worker. */
const walks = new Map();
parentPort.on('message', (message) => {
  if (message.end !== undefined) return void walks.delete(message.end);
  const { id, buffer } = message;
  if (message.anchors !== undefined) walks.set(message.walk, new Map(message.anchors));
  try {
    const result = verify(new Uint8Array(buffer, message.offset, message.length), walks.get(message.walk));
    parentPort.postMessage({ id, buffer, result }, [buffer]);
  } catch (error) {
    parentPort.postMessage({ id, buffer, error: String((error && error.stack) || error) }, [buffer]);
  }
});
`;
}
