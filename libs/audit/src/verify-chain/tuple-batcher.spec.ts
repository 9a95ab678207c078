import { TupleBatcher } from './tuple-batcher';

const HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.from([0, 0, 0, 0]), Buffer.from([0, 0, 0, 3]), Buffer.from('ext')]);
const TRAILER = Buffer.from([0xff, 0xff]);

/** A tuple of two fields: a text of `n` bytes, and NULL. */
function tuple(n: number): Buffer {
  const head = Buffer.alloc(6);
  head.writeInt16BE(2, 0);
  head.writeInt32BE(n, 2);
  return Buffer.concat([head, Buffer.alloc(n, 0x61 + (n % 26)), Buffer.from([0xff, 0xff, 0xff, 0xff])]);
}

describe('TupleBatcher', () => {
  it('cuts a binary COPY stream into segments of whole tuples, however the bytes arrive', () => {
    const tuples = Array.from({ length: 23 }, (_, i) => tuple((i * 37) % 300));
    const stream = Buffer.concat([HEADER, ...tuples, TRAILER]);
    for (const chunkSize of [1, 3, 7, 64, 1000, stream.length]) {
      const segments: Buffer[] = [];
      const batcher = new TupleBatcher(5, (s) => segments.push(Buffer.from(s)), 16);
      for (let at = 0; at < stream.length; at += chunkSize) batcher.push(stream.subarray(at, at + chunkSize));
      batcher.end();
      expect(segments.map((s) => s.length)).toEqual([0, 5, 10, 15, 20].map((from) => Buffer.concat(tuples.slice(from, from + 5)).length));
      expect(Buffer.concat(segments)).toEqual(Buffer.concat(tuples));
    }
  });

  it('refuses a stream that is not binary COPY', () => {
    const batcher = new TupleBatcher(5, () => undefined);
    expect(() => batcher.push(Buffer.from('seq\tat\n1\t2026-01-01\n'))).toThrow(/not a binary COPY stream/);
  });
});
