import { Worker } from 'node:worker_threads';
import { SegmentResult, segmentWorkerSource } from './segment-verifier';

interface Pending {
  resolve: (result: SegmentResult) => void;
  reject: (error: Error) => void;
}

/**
 * Worker threads that verify segments of the chain (`makeSegmentVerifier`), each segment's bytes
 * moved to the least busy worker without copying. Started per verification and closed after it.
 */
export class SegmentPool {
  private readonly workers: { worker: Worker; busy: number }[];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failed: Error | undefined;

  constructor(size: number, anchors: readonly (readonly [number, string])[]) {
    const source = segmentWorkerSource();
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(source, { eval: true, workerData: { anchors } });
      const entry = { worker, busy: 0 };
      worker.on('message', (message: { id: number; result?: SegmentResult; error?: string }) => {
        entry.busy -= 1;
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error !== undefined) waiting?.reject(new Error(`audit segment worker failed: ${message.error}`));
        else waiting?.resolve(message.result!);
      });
      worker.on('error', (error) => this.failAll(error));
      return entry;
    });
  }

  /** Segments handed over and not yet answered. */
  get inFlight(): number {
    return this.pending.size;
  }

  verify(segment: Uint8Array): Promise<SegmentResult> {
    // A worker that died answers nothing more: fail at once instead of waiting forever.
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    const target = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    target.busy += 1;
    // The worker gets an ArrayBuffer of its own: copy only when the segment shares one.
    const own = segment.byteOffset === 0 && segment.byteLength === segment.buffer.byteLength ? segment : segment.slice();
    const buffer = own.buffer as ArrayBuffer;
    return new Promise<SegmentResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      target.worker.postMessage({ id, buffer, length: own.byteLength }, [buffer]);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private failAll(error: Error): void {
    this.failed ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
