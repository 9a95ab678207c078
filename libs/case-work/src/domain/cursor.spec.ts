import { afterCursor, decodeCursor, encodeCursor } from './cursor';

describe('keyset cursor', () => {
  const id = '4f1c2a8e-0000-4000-8000-000000000001';

  it('round-trips the exact timestamp text and the id', () => {
    const cursor = { key: '2026-05-04T21:59:59.999999Z', id };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ key: null, id }))).toEqual({ key: null, id });
  });

  it('treats an absent cursor as the first page and refuses one it did not give out', () => {
    expect(decodeCursor(undefined)).toBeUndefined();
    expect(decodeCursor('')).toBeUndefined();
    for (const bad of ['nonsense', Buffer.from('{"k":"yesterday","i":"x"}').toString('base64url'), Buffer.from('[1]').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ status: 400, slug: 'bad-cursor' }));
    }
  });

  it('continues after the key, then after the id on a tie, then into the cases without a due date', () => {
    expect(afterCursor({ key: '2026-01-01T00:00:00.000000Z', id }, 'c.due_at', 'c.id', 3)).toEqual({
      sql: '(c.due_at > $3::timestamptz OR (c.due_at = $3::timestamptz AND c.id > $4::uuid) OR c.due_at IS NULL)',
      params: ['2026-01-01T00:00:00.000000Z', id],
    });
    expect(afterCursor({ key: null, id }, 'c.due_at', 'c.id', 1)).toEqual({ sql: '(c.due_at IS NULL AND c.id > $1::uuid)', params: [id] });
  });
});
