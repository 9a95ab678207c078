import { Worker } from 'node:worker_threads';
import { SegmentResult, segmentWorkerSource } from './segment-verifier';

interface Pending {
  resolve: (result: SegmentResult) => void;
  reject: (error: Error) => void;
}

type Anchors = readonly (readonly [number, string])[];

/**
 * Worker threads that verify segments of the chain (`makeSegmentVerifier`), each segment's bytes
 * moved to the least busy worker without copying, and moved back when verified, to hold the next
 * segment (`take`): a walk reuses a few buffers instead of allocating one a segment, which the
 * profile showed as the main thread's garbage collection.
 *
 * A pool can outlive a walk (`AuditVerifier` keeps one): starting threads cost more than a short
 * walk, and a kept thread's verifier stays compiled. Each segment names its walk, whose signed
 * checkpoints a worker is sent once. The threads hold the process open only while they have work.
 */
export class SegmentPool {
  private readonly workers: { worker: Worker; busy: number; walks: Set<number> }[];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private nextWalk = 0;
  private failed: Error | undefined;
  /** Buffers the workers have given back, for `take`. */
  private readonly spare: ArrayBuffer[] = [];

  constructor(readonly size: number) {
    const source = segmentWorkerSource();
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(source, { eval: true });
      worker.unref();
      const entry = { worker, busy: 0, walks: new Set<number>() };
      worker.on('message', (message: { id: number; buffer: ArrayBuffer; result?: SegmentResult; error?: string }) => {
        entry.busy -= 1;
        if (entry.busy === 0) worker.unref();
        this.spare.push(message.buffer);
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error !== undefined) waiting?.reject(new Error(`audit segment worker failed: ${message.error}`));
        else waiting?.resolve(message.result!);
      });
      worker.on('error', (error) => this.failAll(error));
      worker.on('exit', (code) => this.failAll(new Error(`audit segment worker exited (${code})`)));
      return entry;
    });
  }

  /** Whether a worker has died: the pool answers nothing more and must be replaced. */
  get broken(): boolean {
    return this.failed !== undefined;
  }

  /** Segments handed over and not yet answered. */
  get inFlight(): number {
    return this.pending.size;
  }

  /** A walk whose segments are checked against `anchors` (signed checkpoints' seq and hash). */
  walk(anchors: Anchors): { verify: (segment: Uint8Array) => Promise<SegmentResult>; end: () => void } {
    const walk = this.nextWalk++;
    return {
      verify: (segment) => this.verify(walk, anchors, segment),
      end: () => {
        for (const entry of this.workers) {
          if (entry.walks.delete(walk)) entry.worker.postMessage({ end: walk });
        }
      },
    };
  }

  /** An ArrayBuffer of at least `bytes`: one a worker gave back when there is one, else a new one. */
  take(bytes: number): ArrayBuffer {
    for (let i = this.spare.length - 1; i >= 0; i--) {
      if (this.spare[i].byteLength >= bytes) return this.spare.splice(i, 1)[0];
    }
    return new ArrayBuffer(bytes);
  }

  /**
   * Verifies `segment` on the least busy worker. Its whole ArrayBuffer moves to the worker (the
   * segment must be the only thing in use in it, as `TupleBatcher`'s segments are) and comes back
   * to `take` from.
   */
  private verify(walk: number, anchors: Anchors, segment: Uint8Array): Promise<SegmentResult> {
    // A worker that died answers nothing more: fail at once instead of waiting forever.
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    const target = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    if (target.busy === 0) target.worker.ref();
    target.busy += 1;
    const first = !target.walks.has(walk);
    target.walks.add(walk);
    const buffer = segment.buffer as ArrayBuffer;
    return new Promise<SegmentResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      target.worker.postMessage(
        { id, walk, anchors: first ? anchors : undefined, buffer, offset: segment.byteOffset, length: segment.byteLength },
        [buffer],
      );
    });
  }

  async close(): Promise<void> {
    this.failed ??= new Error('audit segment pool closed');
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private failAll(error: Error): void {
    this.failed ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
