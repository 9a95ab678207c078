const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/** {@link tupleEnd}'s answer at the trailer (a field count of -1) that ends a binary COPY. */
export const TRAILER = -1;

/**
 * Where the binary COPY tuple that starts at `pos` ends (a field count, then each field's length
 * and bytes), or null when `data` does not hold all of it before `used`, or {@link TRAILER}.
 */
export function tupleEnd(data: Buffer, pos: number, used: number): number | null {
  if (pos + 2 > used) return null;
  const fields = data.readInt16BE(pos);
  if (fields === -1) return TRAILER;
  pos += 2;
  for (let f = 0; f < fields; f++) {
    if (pos + 4 > used) return null;
    const length = data.readInt32BE(pos);
    pos += 4 + (length > 0 ? length : 0);
  }
  return pos > used ? null : pos;
}

/**
 * Cuts the byte stream of `COPY … (FORMAT binary)` into segments of whole tuples (about `rows`
 * each), without the file header and the trailer, each in an ArrayBuffer of its own that can be
 * handed to a worker thread without copying.
 */
export class TupleBatcher {
  private buffer: Buffer;
  private used = 0;
  /** Where the tuples not yet cut start, and how far they have been scanned. */
  private from = 0;
  private scanned = 0;
  private rows = 0;
  private headerSkipped = false;
  private ended = false;

  /**
   * `allocate` gives the memory for the next segment: an ArrayBuffer of at least the bytes asked,
   * whose contents do not matter (e.g. one a worker has given back; a new one by default).
   */
  constructor(
    private readonly rowsPerSegment: number,
    private readonly emit: (segment: Uint8Array) => void,
    initialBytes = 1 << 22,
    private readonly allocate: (bytes: number) => ArrayBuffer = (bytes) => new ArrayBuffer(bytes),
  ) {
    this.buffer = Buffer.from(this.allocate(initialBytes));
  }

  push(chunk: Buffer): void {
    if (this.ended) return;
    this.append(chunk);
    if (!this.headerSkipped) {
      if (this.used < SIGNATURE.length + 8) return;
      if (!this.buffer.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('not a binary COPY stream');
      const extension = this.buffer.readInt32BE(SIGNATURE.length + 4);
      this.from = this.scanned = SIGNATURE.length + 8 + extension;
      this.headerSkipped = true;
    }
    this.scan();
  }

  /** Emits the last, partial segment. */
  end(): void {
    if (this.scanned > this.from) this.cut();
  }

  private scan(): void {
    for (;;) {
      const end = tupleEnd(this.buffer, this.scanned, this.used);
      if (end === TRAILER) {
        this.ended = true;
        return;
      }
      if (end === null) return;
      this.scanned = end;
      this.rows += 1;
      if (this.rows >= this.rowsPerSegment) this.cut();
    }
  }

  /** Hands over the scanned tuples; the unscanned rest moves to a fresh buffer. */
  private cut(): void {
    const segment = new Uint8Array(this.buffer.buffer, this.buffer.byteOffset + this.from, this.scanned - this.from);
    const rest = this.used - this.scanned;
    const next = Buffer.from(this.allocate(Math.max(this.buffer.length, rest * 2)));
    this.buffer.copy(next, 0, this.scanned, this.used);
    this.buffer = next;
    this.used = rest;
    this.from = this.scanned = 0;
    this.rows = 0;
    this.emit(segment);
  }

  private append(chunk: Buffer): void {
    if (this.used + chunk.length > this.buffer.length) {
      const grown = Buffer.from(this.allocate(Math.max(this.buffer.length * 2, this.used + chunk.length)));
      this.buffer.copy(grown, 0, 0, this.used);
      this.buffer = grown;
    }
    chunk.copy(this.buffer, this.used);
    this.used += chunk.length;
  }
}
