import { afterKeyset, decodeKeysetCursor, encodeKeysetCursor, KeysetCursorOptions, keysetBranches, keysetKeySql } from './keyset-cursor';

describe('keyset cursor', () => {
  const id = '4f1c2a8e-0000-4000-8000-000000000001';
  const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const refused = (raw: string, options: KeysetCursorOptions = {}) =>
    expect(() => decodeKeysetCursor(raw, options)).toThrow(expect.objectContaining({ code: 'bad-cursor' }));

  it('round-trips the exact timestamp text, microseconds included, and the id', () => {
    const position = { key: '2026-05-04T21:59:59.999999Z', id };
    const cursor = encodeKeysetCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeKeysetCursor(cursor)).toEqual(position);
    expect(decodeKeysetCursor(encodeKeysetCursor({ key: '2026-05-04T21:59:59.000001Z', id }))?.key).toBe('2026-05-04T21:59:59.000001Z');
  });

  it('round-trips a position without a sort key only where the list puts those last', () => {
    expect(decodeKeysetCursor(encodeKeysetCursor({ key: null, id }), { nullKey: true })).toEqual({ key: null, id });
    refused(encodeKeysetCursor({ key: null, id }));
  });

  it('takes another tie-breaker when the list names its shape', () => {
    const position = { key: '2026-05-04T21:59:59.123456Z', id: 'EK-2026-000042' };
    expect(decodeKeysetCursor(encodeKeysetCursor(position), { id: /^EK-\d{4}-\d{6}$/ })).toEqual(position);
    refused(encodeKeysetCursor(position));
  });

  it('takes keys from 1970 to the end of year 9999', () => {
    for (const key of ['1970-01-01T00:00:00.000000Z', '9999-12-31T23:59:59.999999Z']) expect(decodeKeysetCursor(forged([key, id]))).toEqual({ key, id });
  });

  it('treats an absent cursor as the first page', () => {
    expect(decodeKeysetCursor(undefined)).toBeUndefined();
    expect(decodeKeysetCursor('')).toBeUndefined();
  });

  it('refuses a cursor it did not give out, or one tampered with, as bad-cursor', () => {
    const good = encodeKeysetCursor({ key: '2026-05-04T21:59:59.999999Z', id });
    for (const bad of [
      'nonsense',
      'bm9wZQ',
      `${good.slice(0, -2)}x`,
      forged([1]),
      forged({ k: 'yesterday', i: 'x' }),
      forged(['yesterday', id]),
      forged(['2026-05-04T21:59:59.999Z', id]),
      forged(['2026-02-30T00:00:00.000000Z', id]),
      forged(['0000-01-01T00:00:00.000000Z', id]),
      forged(['1969-12-31T23:59:59.999999Z', id]),
      forged(['2026-13-01T00:00:00.000000Z', id]),
      forged(['2026-05-04T24:00:00.000000Z', id]),
      forged(['2026-05-04T21:59:59.999999Z', 'x']),
      forged(['2026-05-04T21:59:59.999999Z', id, 'extra']),
    ]) {
      refused(bad);
    }
  });

  it('continues after the key, then after the id on a tie, then into the rows without a key', () => {
    expect(afterKeyset({ key: '2026-01-01T00:00:00.000000Z', id }, 'c.due_at', 'c.id', 3)).toEqual({
      sql: '(((c.due_at, c.id) > ($3::timestamptz, $4::uuid)) OR (c.due_at IS NULL))',
      params: ['2026-01-01T00:00:00.000000Z', id],
    });
    expect(afterKeyset({ key: null, id }, 'c.due_at', 'c.id', 1)).toEqual({ sql: '(c.due_at IS NULL AND c.id > $1::uuid)', params: [id] });
  });

  it('splits "after" into a row comparison an index on (key, id) can seek to, then the rows without a key', () => {
    expect(keysetBranches({ key: '2026-01-01T00:00:00.000000Z', id }, 'c.due_at', 'c.id', 3)).toEqual({
      branches: ['(c.due_at, c.id) > ($3::timestamptz, $4::uuid)', 'c.due_at IS NULL'],
      params: ['2026-01-01T00:00:00.000000Z', id],
    });
    expect(keysetBranches({ key: null, id }, 'c.due_at', 'c.id', 1)).toEqual({ branches: ['c.due_at IS NULL AND c.id > $1::uuid'], params: [id] });
  });

  it('reads the sort key as UTC text with microseconds', () => {
    expect(keysetKeySql('n.created_at')).toBe(`to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);
  });
});
