import { AuditEventBody } from './audit-event';
import { canonicalEventBody, canonicalJson, canonicalPiecesAround, GENESIS_HASH, hashEvent, normalisePayload } from './hash-chain';

const body: AuditEventBody = {
  seq: 1,
  at: '2026-03-01T10:00:00.123Z',
  actor: { sub: 'u-1', role: 'caseworker', organisation: 'kontaktpunkt' },
  action: 'case.viewed',
  subject: { type: 'case', id: 'EK-2026-000001' },
  payload: { b: 1, a: [true, null, 'x'] },
};

describe('hash chain', () => {
  it('canonicalises JSON per RFC 8785: sorted keys, no whitespace, ECMAScript numbers', () => {
    expect(canonicalJson({ b: 1e21, a: 1.0, c: 'æ' })).toBe('{"a":1,"b":1e+21,"c":"æ"}');
  });

  it('hashes the same event to the same hash whatever the key order of its payload', () => {
    const reordered = { ...body, payload: { a: [true, null, 'x'], b: 1 } };
    expect(hashEvent(GENESIS_HASH, reordered)).toBe(hashEvent(GENESIS_HASH, body));
  });

  it('changes the hash when one byte of the payload or the previous hash changes', () => {
    const base = hashEvent(GENESIS_HASH, body);
    expect(hashEvent(GENESIS_HASH, { ...body, payload: { b: 2, a: [true, null, 'x'] } })).not.toBe(base);
    expect(hashEvent('1'.repeat(64), body)).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });

  it('normalises a payload through JSON: dates become ISO strings and undefined members disappear', () => {
    const at = new Date('2026-01-02T03:04:05.006Z');
    expect(normalisePayload({ at, gone: undefined, n: 2 })).toEqual({ at: '2026-01-02T03:04:05.006Z', n: 2 });
  });

  it('refuses payloads that have no stable JSON form', () => {
    expect(() => normalisePayload({ n: Number.NaN })).toThrow(/NaN/);
    expect(() => normalisePayload([] as unknown as Record<string, unknown>)).toThrow(/JSON object/);
  });

  it('cuts a new event\'s canonical body around seq and at, whatever its payload says', () => {
    const payload = { note: 'kp-at- "seq": 1, "at": "x"', seq: 7, at: 'kp-seq-', nested: { seq: 1e21 } };
    const actor = { sub: 'u-1', role: 'caseworker', organisation: null };
    const subject = { type: 'case', id: 'EK-2026-000001' };
    const pieces = canonicalPiecesAround(actor, 'case.viewed', subject, payload, '2026-03-01T10:00:00.000Z');
    const at = '2026-03-01T10:00:00.123Z';
    const joined = `${pieces.beforeAt}${at}${pieces.beforeSeq}123456${pieces.afterSeq}`;
    expect(joined).toBe(
      canonicalEventBody({ seq: 123456, at, businessAt: '2026-03-01T10:00:00.000Z', actor, action: 'case.viewed', subject, payload }),
    );
  });
});
