import * as crypto from 'node:crypto';
import { AuditEvent, AuditEventBody } from '../domain/audit-event';
import { ChainWalker } from '../domain/chain-verification';
import { canonicalEventBody, GENESIS_HASH, hashCanonical, hashEvent } from '../domain/hash-chain';
import { makeSegmentVerifier } from './segment-verifier';
import { SegmentPool } from './segment-pool';

const EPOCH_2000_MS = Date.UTC(2000, 0, 1);

interface Stored extends AuditEvent {
  /** What the canonical column holds: the hashed bytes, or null for an event from before issue 17. */
  canonical: string | null;
  /** Microseconds to add below the millisecond, as a superuser's edit of `at` could. */
  atMicros?: number;
  /** The payload column's text, when it differs from the event's payload (an edited column). */
  payloadColumn?: string;
}

/** One event as a tuple of PostgreSQL's binary COPY format, columns as `SEGMENT_COLUMNS`. */
function tuple(e: Stored): Buffer {
  const field = (bytes: Buffer | null) => {
    if (bytes === null) return Buffer.from([0xff, 0xff, 0xff, 0xff]);
    const length = Buffer.alloc(4);
    length.writeInt32BE(bytes.length);
    return Buffer.concat([length, bytes]);
  };
  const int8 = (n: bigint) => {
    const b = Buffer.alloc(8);
    b.writeBigInt64BE(n);
    return b;
  };
  const time = (iso: string, extra = 0) => int8(BigInt(Date.parse(iso) - EPOCH_2000_MS) * 1000n + BigInt(extra));
  const text = (s: string | null) => (s === null ? null : Buffer.from(s, 'utf8'));
  const count = Buffer.alloc(2);
  count.writeInt16BE(13);
  return Buffer.concat([
    count,
    field(int8(BigInt(e.seq))),
    field(time(e.at, e.atMicros)),
    field(e.businessAt === undefined ? null : time(e.businessAt)),
    field(text(e.actor.sub)),
    field(text(e.actor.role)),
    field(text(e.actor.organisation)),
    field(text(e.action)),
    field(text(e.subject.type)),
    field(text(e.subject.id)),
    // jsonb's binary form: version 1, then its text (PostgreSQL's key order and spacing differ from RFC 8785).
    field(Buffer.concat([Buffer.from([1]), Buffer.from(e.payloadColumn ?? jsonbText(e.payload), 'utf8')])),
    field(text(e.hash)),
    field(text(e.prevHash)),
    field(text(e.canonical)),
  ]);
}

/** jsonb's text output: keys by length, then bytes; ", " and ": " between. */
function jsonbText(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(', ')}]`;
  const keys = Object.keys(value).sort((a, b) => Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return `{${keys.map((k) => `${JSON.stringify(k)}: ${jsonbText((value as Record<string, unknown>)[k])}`).join(', ')}}`;
}

function chain(length: number, oldStyle: (seq: number) => boolean = () => false): Stored[] {
  const events: Stored[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const body: AuditEventBody = {
      seq,
      at: new Date(Date.UTC(2026, 11, 31, 23, 59, 59, 990) + seq * 7).toISOString(),
      ...(seq % 3 === 0 ? {} : { businessAt: `2027-0${1 + (seq % 9)}-01T08:00:00.00${seq % 10}Z` }),
      actor: { sub: `sagsbehandler-${seq} "Ærø"\n`, role: 'caseworker', organisation: seq % 2 ? null : 'Sundhedsdatastyrelsen' },
      action: 'decision.issued',
      subject: { type: 'sub_case', id: `s-${seq}\\` },
      payload: {
        outcome: 'approved',
        zeta: [1, 2.5, -0, 1e21, 1e-7, { b: true, a: null, 'å': 'ø', '\u20ac': 'x', aa: [] }],
        reasoning: `Begrundelse ${seq}: "citat" \u2028 \t`,
      },
    };
    const hash = hashEvent(prevHash, body);
    events.push({ ...body, prevHash, hash, canonical: oldStyle(seq) ? null : canonicalEventBody(body) });
    prevHash = hash;
  }
  return events;
}

const verifier = makeSegmentVerifier(crypto, []);
const segment = (events: Stored[]) => verifier(Buffer.concat(events.map(tuple)));

/** What one thread's ChainWalker says about the same events. */
function walked(events: Stored[]) {
  const walker = new ChainWalker();
  for (const e of events) if (!walker.next(e)) break;
  return walker.finish();
}

describe('segment verifier (the code the worker threads run)', () => {
  it('accepts an intact chain of events with stored bytes, old events without them, and a mix', () => {
    for (const oldStyle of [() => false, () => true, (seq: number) => seq % 2 === 1]) {
      const events = chain(12, oldStyle);
      expect(segment(events)).toEqual({
        count: 12, firstSeq: 1, firstPrevHash: GENESIS_HASH, lastSeq: 12, lastHash: events[11].hash, matched: 0, broken: null,
      });
      expect(walked(events)).toMatchObject({ valid: true, count: 12 });
    }
  });

  it('rebuilds an old event exactly as hashEvent does (unicode, escapes, numbers, key order)', () => {
    const events = chain(30, () => true);
    expect(segment(events).broken).toBeNull();
  });

  it('names an edited column even though the stored bytes still hash to the stored hash', () => {
    const cases: [string, (e: Stored) => Stored][] = [
      ['payload', (e) => ({ ...e, payloadColumn: jsonbText({ ...e.payload, outcome: 'rejected' }) })],
      ['actor', (e) => ({ ...e, actor: { ...e.actor, sub: 'someone-else' } })],
      ['organisation', (e) => ({ ...e, actor: { ...e.actor, organisation: 'x' } })],
      ['action', (e) => ({ ...e, action: 'decision.withdrawn' })],
      ['subject', (e) => ({ ...e, subject: { ...e.subject, id: 's-999' } })],
      ['business time', (e) => ({ ...e, businessAt: '2020-01-01T00:00:00.000Z' })],
      ['time below the millisecond', (e) => ({ ...e, atMicros: 1 })],
    ];
    for (const [, edit] of cases) {
      const events = chain(6);
      const stored = events[3].hash;
      events[3] = edit(events[3]);
      const result = segment(events);
      expect(result.broken).toMatchObject({ seq: 4, foundHash: stored, reason: 'hash_mismatch' });
      expect(result.broken!.expectedHash).not.toBe(stored);
    }
  });

  it('names edited stored bytes, even when the columns are untouched', () => {
    const events = chain(6);
    events[2] = { ...events[2], canonical: events[2].canonical!.replace('approved', 'rejected') };
    expect(segment(events).broken).toMatchObject({ seq: 3, foundHash: events[2].hash, reason: 'hash_mismatch' });
  });

  it('does not accept bytes and columns that agree with each other but not with the hash', () => {
    const events = chain(6);
    const forged = { ...events[4].payload, outcome: 'rejected' };
    const body = { ...events[4], payload: forged };
    events[4] = { ...body, canonical: canonicalEventBody(body) };
    expect(segment(events).broken).toMatchObject({ seq: 5, reason: 'hash_mismatch' });
  });

  it('names a deleted event as a gap and a reordered one by its link, and checks signed checkpoints', () => {
    const events = chain(8);
    expect(segment([...events.slice(0, 3), ...events.slice(4)]).broken).toMatchObject({ seq: 4, reason: 'seq_gap' });
    const swapped = [...events];
    [swapped[5], swapped[6]] = [{ ...events[6], seq: 6 }, { ...events[5], seq: 7 }];
    expect(segment(swapped).broken).toMatchObject({ seq: 6, reason: 'prev_hash_mismatch' });
    const anchored = makeSegmentVerifier(crypto, [[3, events[2].hash], [7, 'f'.repeat(64)]]);
    expect(anchored(Buffer.concat(events.map(tuple))).broken).toMatchObject({ seq: 7, reason: 'checkpoint_mismatch', foundHash: events[6].hash });
  });
});

/**
 * Events whose text columns JSON writes without escapes (non-ASCII included), so the columns are
 * held against the stored bytes byte by byte (`sameAsColumns`); the payload still holds strings
 * with escapes, characters beyond the BMP, and numbers that jsonb and RFC 8785 write differently.
 */
function plainChain(length: number, bytesOf: (body: AuditEventBody) => string = canonicalEventBody): Stored[] {
  const events: Stored[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const micros = seq % 4 === 0 ? 123 : 0;
    const at = new Date(Date.UTC(2026, 11, 31, 23, 59, 59, 990) + seq * 7).toISOString();
    const body: AuditEventBody = {
      seq,
      at: micros ? at.replace('Z', `${micros}`.padStart(3, '0') + 'Z') : at,
      ...(seq % 3 === 0 ? {} : { businessAt: `2027-0${1 + (seq % 9)}-01T08:00:00.00${seq % 10}Z` }),
      actor: { sub: `sagsbehandler-${seq}-Ærø-€`, role: 'caseworker', organisation: seq % 2 ? null : 'Sundhedsdatastyrelsen' },
      action: 'decision.issued',
      subject: { type: 'sub_case', id: `EK-2026-${seq}` },
      payload: {
        outcome: 'approved',
        legalBasis: 'sundhedsloven § 46',
        zeta: [1, 2.5, -0, -3, 1e21, 1e-7, 0, { b: true, a: null, 'å': 'ø', '\u20ac': 'x', aa: [], z: false }],
        reasoning: `Begrundelse ${seq}: "citat" \u2028 \t 😀 \\`,
        count: seq * 1000,
      },
    };
    const canonical = bytesOf(body);
    const hash = hashCanonical(prevHash, canonical);
    events.push({ ...body, prevHash, hash, canonical, ...(micros ? { atMicros: micros } : {}) });
    prevHash = hash;
  }
  return events;
}

describe('segment verifier: columns held against the stored bytes without text', () => {
  afterEach(() => jest.restoreAllMocks());

  /** How many times the verifier parses JSON for `events`: once an event on the byte path. */
  function parsesFor(events: Stored[]): number {
    const parse = jest.spyOn(JSON, 'parse');
    const broken = segment(events).broken;
    const calls = parse.mock.calls.length;
    parse.mockRestore();
    expect(broken).toBeNull();
    return calls;
  }

  it('accepts an intact chain comparing bytes only: no JSON.parse at all (the payload column read as tokens)', () => {
    const events = plainChain(24);
    expect(walked(events)).toMatchObject({ valid: true, count: 24 });
    expect(segment(events)).toEqual({
      count: 24, firstSeq: 1, firstPrevHash: GENESIS_HASH, lastSeq: 24, lastHash: events[23].hash, matched: 0, broken: null,
    });
    expect(parsesFor(events)).toBe(0);
  });

  it('accepts a payload column that jsonb writes with other key order, spacing and number forms', () => {
    const events = plainChain(6);
    // PostgreSQL's numeric output: no exponent, trailing zeros kept.
    events[2] = {
      ...events[2],
      payloadColumn: jsonbText(events[2].payload)
        .replace('1e+21', '1000000000000000000000')
        .replace('1e-7', '0.0000001')
        .replace('2.5', '2.50')
        .replace(/"count": (\d+)/, '"count": $1.000'),
    };
    expect(events[2].payloadColumn).toContain('0.0000001');
    expect(events[2].payloadColumn).toContain('2.50');
    // Only the event whose numbers jsonb writes otherwise leaves the token comparison: one parse, its column.
    expect(parsesFor(events)).toBe(1);
  });

  it('walks payloads of different keys in their own order, though they share a first key and a key count', () => {
    let prevHash = GENESIS_HASH;
    const events = plainChain(8).map((e): Stored => {
      const body = { ...e, payload: { zeta: [], ...(e.seq % 2 ? { legalBasis: 'x' } : { reasoning: 'y' }) } };
      const canonical = canonicalEventBody(body);
      const hash = hashCanonical(prevHash, canonical);
      const event = { ...body, prevHash, hash, canonical };
      prevHash = hash;
      return event;
    });
    expect(parsesFor(events)).toBe(0);
  });

  it('falls back to the text comparison for columns JSON must escape, and still accepts them', () => {
    const events = chain(6);
    // The sub holds a quote and a newline, the subject id a backslash: not comparable as bytes.
    expect(parsesFor(events)).toBeGreaterThan(6);
  });

  it('falls back to the text comparison for stored bytes whose payload is its value in another form', () => {
    // Hashed bytes that are not RFC 8785 of the payload (spaces, "2.50"), but whose payload parses
    // to the column's value: the comparison as values accepts them, as before.
    const events = plainChain(6, (body) =>
      body.seq === 3 ? canonicalEventBody(body).replace(',"reasoning":', ', "reasoning":').replace('2.5,', '2.50,') : canonicalEventBody(body),
    );
    expect(events[2].canonical).toContain('2.50');
    // That one event: its column parsed for the byte comparison, then both payloads for the text one.
    expect(parsesFor(events)).toBe(3);
  });

  it('names every kind of edited column, on the byte path and on the text path', () => {
    const edits: [string, (e: Stored) => Stored][] = [
      ['sub', (e) => ({ ...e, actor: { ...e.actor, sub: `${e.actor.sub}x` } })],
      ['sub, one non-ASCII letter', (e) => ({ ...e, actor: { ...e.actor, sub: e.actor.sub.replace('Æ', 'Ø') } })],
      ['role', (e) => ({ ...e, actor: { ...e.actor, role: 'supervisor' } })],
      ['organisation set', (e) => ({ ...e, actor: { ...e.actor, organisation: 'x' } })],
      ['organisation set or cleared', (e) => ({ ...e, actor: { ...e.actor, organisation: e.actor.organisation ? null : 'Sundhedsdatastyrelsen' } })],
      ['organisation needing escapes', (e) => ({ ...e, actor: { ...e.actor, organisation: 'a"b' } })],
      ['action', (e) => ({ ...e, action: 'decision.withdrawn' })],
      ['subject type', (e) => ({ ...e, subject: { ...e.subject, type: 'case' } })],
      ['subject id', (e) => ({ ...e, subject: { ...e.subject, id: `${e.subject.id}9` } })],
      ['at, a millisecond', (e) => ({ ...e, at: new Date(Date.parse(e.at) + 1).toISOString() })],
      ['at, a day', (e) => ({ ...e, at: new Date(Date.parse(e.at) + 86_400_000).toISOString() })],
      ['at, below the millisecond', (e) => ({ ...e, atMicros: (e.atMicros ?? 0) + 1 })],
      ['business time', (e) => ({ ...e, businessAt: '2020-01-01T00:00:00.000Z' })],
      ['business time set or cleared', (e) => ({ ...e, businessAt: e.businessAt === undefined ? '2027-01-01T08:00:00.000Z' : undefined })],
      ['payload value', (e) => ({ ...e, payloadColumn: jsonbText({ ...e.payload, outcome: 'rejected' }) })],
      ['payload number', (e) => ({ ...e, payloadColumn: jsonbText({ ...e.payload, count: 1.5 }) })],
      ['payload key added', (e) => ({ ...e, payloadColumn: jsonbText({ ...e.payload, extra: null }) })],
      ['payload key removed', (e) => ({ ...e, payloadColumn: jsonbText(Object.fromEntries(Object.entries(e.payload).filter(([key]) => key !== 'outcome'))) })],
      ['payload emoji', (e) => ({ ...e, payloadColumn: jsonbText({ ...e.payload, reasoning: String(e.payload.reasoning).replace(/😀|$/, '😁') }) })],
      ['payload nested', (e) => ({ ...e, payloadColumn: jsonbText({ ...e.payload, zeta: [1, 2.5, 0, -3, 1e21, 1e-7, 0, {}] }) })],
    ];
    for (const make of [plainChain, chain]) {
      for (const [name, edit] of edits) {
        // Seq 3 has no business time, seq 4 microseconds and an organisation, seq 5 neither.
        for (const at of [2, 3, 4]) {
          const events = make(6);
          const stored = events[at].hash;
          events[at] = edit(events[at]);
          const result = segment(events);
          expect({ name, broken: result.broken }).toMatchObject({ name, broken: { seq: at + 1, foundHash: stored, reason: 'hash_mismatch' } });
          expect(result.broken!.expectedHash).not.toBe(stored);
        }
      }
    }
  });

  it('names payload columns that share every token with the stored bytes but not their places (token comparison)', () => {
    type Payload = Record<string, unknown>;
    const zeta = (p: Payload) => p.zeta as unknown[];
    const inner = (p: Payload) => zeta(p)[7] as Payload;
    const edits: [string, (p: Payload) => Payload][] = [
      ['two values swapped between keys', (p) => ({ ...p, outcome: p.legalBasis, legalBasis: p.outcome })],
      ['a key renamed', (p) => ({ ...Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'count')), cOunt: p.count })],
      ['a string cut short', (p) => ({ ...p, outcome: 'approve' })],
      ['a number cut short', (p) => ({ ...p, count: Math.floor((p.count as number) / 10) })],
      ['a number made longer', (p) => ({ ...p, count: (p.count as number) * 10 })],
      ['an array reordered', (p) => ({ ...p, zeta: [...zeta(p)].reverse() })],
      ['an array element added', (p) => ({ ...p, zeta: [...zeta(p), 0] })],
      ['an array element removed', (p) => ({ ...p, zeta: zeta(p).slice(1) })],
      ['nested values swapped', (p) => ({ ...p, zeta: [...zeta(p).slice(0, 7), { ...inner(p), a: inner(p).b, b: inner(p).a }] })],
      ['a nested object emptied', (p) => ({ ...p, zeta: [...zeta(p).slice(0, 7), {}] })],
      ['an array made an object', (p) => ({ ...p, zeta: { ...zeta(p) } })],
      ['a string made a number', (p) => ({ ...p, outcome: 1 })],
      ['the whole payload made an array', (p) => [p] as unknown as Payload],
    ];
    for (const [name, edit] of edits) {
      for (const at of [2, 3]) {
        const events = plainChain(6);
        const stored = events[at].hash;
        events[at] = { ...events[at], payloadColumn: jsonbText(edit(events[at].payload as Payload)) };
        expect(events[at].payloadColumn).not.toBe(jsonbText(events[at].payload));
        expect({ name, broken: segment(events).broken }).toMatchObject({ name, broken: { seq: at + 1, foundHash: stored, reason: 'hash_mismatch' } });
      }
    }
  });

  it('names stored bytes that name one payload key twice in place of another, hashed as written', () => {
    // Same member count and every key token in the column, but "outcome" is gone from the bytes.
    const events = plainChain(6, (body) => {
      const text = canonicalEventBody(body);
      return body.seq === 3 ? text.replace('"outcome":"approved"', '"legalBasis":"sundhedsloven § 46"') : text;
    });
    expect(events[2].canonical).toContain('"legalBasis":"sundhedsloven § 46","legalBasis"');
    expect(segment(events).broken).toMatchObject({ seq: 3, foundHash: events[2].hash, reason: 'hash_mismatch' });
  });

  it('names an edited seq, hash or prev_hash where a single walk does, and edited stored bytes', () => {
    const links: [string, (e: Stored) => Stored][] = [
      ['seq', (e) => ({ ...e, seq: e.seq + 10 })],
      ['hash', (e) => ({ ...e, hash: e.hash.replace(/^./, (c) => (c === '0' ? '1' : '0')) })],
      ['prev_hash', (e) => ({ ...e, prevHash: 'f'.repeat(64) })],
    ];
    for (const [name, edit] of links) {
      const events = plainChain(6);
      events[3] = edit(events[3]);
      const walk = walked(events);
      expect(walk.valid).toBe(false);
      const { seq, reason } = walk as { seq: number; reason: string };
      expect({ name, broken: segment(events).broken }).toMatchObject({ name, broken: { seq, reason } });
    }
    // The walker rebuilds events from their fields and never sees the stored bytes.
    const bytes: [string, (e: Stored) => Stored][] = [
      ['payload', (e) => ({ ...e, canonical: e.canonical!.replace('approved', 'rejected') })],
      ['one byte of a column', (e) => ({ ...e, canonical: e.canonical!.replace('decision.issued', 'decision.issuee') })],
    ];
    for (const [name, edit] of bytes) {
      const events = plainChain(6);
      events[3] = edit(events[3]);
      expect(events[3].canonical).not.toBe(plainChain(6)[3].canonical);
      expect({ name, broken: segment(events).broken }).toMatchObject({ name, broken: { seq: 4, foundHash: events[3].hash, reason: 'hash_mismatch' } });
    }
  });

  it('names stored bytes that write an event\'s own time another way (hashed as written)', () => {
    const forms: [string, (at: string) => string][] = [
      ['lower-case zone', (at) => at.replace('Z', 'z')],
      ['whole milliseconds as microseconds', (at) => at.replace('Z', '000Z')],
      ['an offset', (at) => at.replace('Z', '+00:00')],
      ['no fraction', (at) => at.replace(/\.\d+Z$/, 'Z')],
    ];
    for (const [name, form] of forms) {
      // Seq 5: whole milliseconds in the column, business time on another day.
      const events = plainChain(6, (body) => {
        const text = canonicalEventBody(body);
        return body.seq === 5 ? text.replace(`"at":"${body.at}"`, `"at":"${form(body.at)}"`) : text;
      });
      expect(events[4].canonical).not.toBe(canonicalEventBody(events[4]));
      expect({ name, broken: segment(events).broken }).toMatchObject({ name, broken: { seq: 5, foundHash: events[4].hash, reason: 'hash_mismatch' } });
    }
  });
});

describe('segment pool (worker threads)', () => {
  it('serves walks one after another and side by side, each held against its own signed checkpoints', async () => {
    const events = plainChain(6);
    const bytes = () => new Uint8Array(Buffer.concat(events.map(tuple)));
    const pool = new SegmentPool(2);
    try {
      const plain = pool.walk([]);
      const anchored = pool.walk([[3, events[2].hash]]);
      const forged = pool.walk([[4, 'f'.repeat(64)]]);
      const results = await Promise.all([plain.verify(bytes()), anchored.verify(bytes()), forged.verify(bytes()), plain.verify(bytes())]);
      expect(results.map((r) => [r.matched, r.broken?.reason ?? null])).toEqual([[0, null], [1, null], [0, 'checkpoint_mismatch'], [0, null]]);
      for (const w of [plain, anchored, forged]) w.end();
      // A later walk on the same threads does not see an earlier walk's checkpoints.
      const later = pool.walk([]);
      expect(await Promise.all([later.verify(bytes()), later.verify(bytes())])).toMatchObject([{ matched: 0, broken: null }, { matched: 0, broken: null }]);
    } finally {
      await pool.close();
    }
  });

  it('verifies a segment that starts inside its buffer, and gives the buffer back to hold the next one', async () => {
    const events = plainChain(6);
    const bytes = Buffer.concat(events.map(tuple));
    // As TupleBatcher's first segment: the COPY header before it in the same buffer.
    const buffer = new ArrayBuffer(bytes.length + 19 + 100);
    const segment = new Uint8Array(buffer, 19, bytes.length);
    segment.set(bytes);
    const pool = new SegmentPool(1);
    try {
      expect(pool.take(1000)).not.toBe(buffer);
      const result = await pool.walk([]).verify(segment);
      expect(result).toMatchObject({ count: 6, lastSeq: 6, lastHash: events[5].hash, broken: null });
      // The moved buffer is back, the segment's bytes in it: taken instead of a new one.
      const back = pool.take(bytes.length);
      expect(buffer.byteLength).toBe(0); // moved to the worker
      expect(back.byteLength).toBe(bytes.length + 119);
      expect(Buffer.from(back, 19, 40).equals(bytes.subarray(0, 40))).toBe(true);
      expect(pool.take(bytes.length)).not.toBe(back);
    } finally {
      await pool.close();
    }
  });
});
