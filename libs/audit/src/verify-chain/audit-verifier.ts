import { APP_CONFIG, AppConfig } from '@kp/config';
import { Inject, Injectable, OnModuleDestroy, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as crypto from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { ChainBroken, ChainVerification, TrustedLink } from '../domain/chain-verification';
import { CheckpointExport, isCheckpointSignatureValid, keyIdOf } from '../domain/checkpoint';
import { GENESIS_HASH } from '../domain/hash-chain';
import { CopyOut } from '../infrastructure/copy-out';
import { SegmentPool } from './segment-pool';
import { makeSegmentVerifier, SEGMENT_COLUMNS, SegmentResult } from './segment-verifier';
import { TupleBatcher } from './tuple-batcher';
import { VerifyChainOptions } from './verify-options';

const DEFAULT_SEGMENT = 4096;

export interface WalkOptions {
  /** Signed (seq, hash) pairs the chain must pass through. */
  readonly anchors?: readonly TrustedLink[];
  /** Resume after this trusted link instead of the genesis. */
  readonly start?: TrustedLink;
  /** Worker threads; 0 verifies on the calling thread. */
  readonly workers: number;
  /** Events per segment handed to a worker. */
  readonly segmentSize?: number;
  /**
   * Worker threads kept beyond the walk, asked for when the walk first needs them; without it the
   * walk starts its own and closes them after.
   */
  readonly pool?: () => SegmentPool;
  /**
   * COPYs to read a long chain with in parallel, each on a connection of its own beside the
   * caller's (default 1: the caller's only).
   */
  readonly copies?: number;
}

/**
 * Walks the audit chain and names the first broken link (DESIGN.md §7), for
 * `npm run audit -- verify` and `GET /v1/audit/verify` (role auditor).
 */
@Injectable()
export class AuditVerifier implements OnModuleDestroy {
  private readonly workers: number;
  /** Kept between verifications: started on the first walk long enough to need them. */
  private pool: SegmentPool | null = null;
  /**
   * Whether a verification is reading in parallel COPYs: one at a time, so verifications never
   * wait on one another for the pool's connections (each holds its own transaction's and, at most
   * one of them, up to three more).
   */
  private copiesInUse = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() @Inject(APP_CONFIG) config?: AppConfig,
  ) {
    this.workers = config?.auditVerifyWorkers ?? availableParallelism();
  }

  /** Worker threads a verification uses (`AUDIT_VERIFY_WORKERS`, else the CPU count). */
  get workerCount(): number {
    return this.workers;
  }

  async verify(options: VerifyChainOptions = {}): Promise<ChainVerification> {
    const anchors = options.checkpoints ? checkpointAnchors(options.checkpoints, options.trustedPublicKeys) : [];
    if (!Array.isArray(anchors)) return anchors;
    // One snapshot for the whole walk, so the reported head is the head at one instant.
    const workers = options.workers ?? this.workers;
    const parallel = !this.copiesInUse && workers >= 2;
    if (parallel) this.copiesInUse = true;
    try {
      return await this.dataSource.transaction('REPEATABLE READ', (manager) =>
        walkChain(manager, {
          anchors,
          start: options.from,
          workers,
          segmentSize: options.batchSize,
          pool: workers === this.workers ? () => this.keptPool() : undefined,
          copies: parallel ? Math.min(workers, MAX_COPIES) : 1,
        }),
      );
    } finally {
      if (parallel) this.copiesInUse = false;
    }
  }

  async onModuleDestroy(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.close();
  }

  private keptPool(): SegmentPool {
    if (this.pool === null || this.pool.broken) {
      // A pool whose worker died answers nothing more: replaced, its other threads ended.
      void this.pool?.close();
      this.pool = new SegmentPool(this.workers);
    }
    return this.pool;
  }
}

/**
 * Streams the events after `start` in seq order with `COPY … (FORMAT binary)` in the caller's
 * transaction, cuts the stream into segments of whole events and verifies the segments in parallel
 * on worker threads; then joins them in seq order: each segment's first event must follow the last
 * event of the one before (seq and prev_hash), so the whole is the same walk as one thread's, and
 * the first broken link is the one reported.
 *
 * With worker threads, `copies` and a long enough chain the seq range is cut into as many parts (up
 * to {@link MAX_COPIES}) each read by a COPY of its own on a connection of its own, in the caller's
 * snapshot (`pg_export_snapshot`): one COPY is one PostgreSQL backend and one socket, which the
 * benchmark measured as the bound of the single-thread floor (two COPYs in parallel read the chain
 * about 1.3× as fast as one). The parts' segments are joined in seq order like one stream's, so an
 * event missing at a part's edge is a gap like any other.
 */
export async function walkChain(manager: EntityManager, options: WalkOptions): Promise<ChainVerification> {
  const start = options.start ?? { seq: 0, hash: GENESIS_HASH };
  const anchors = options.anchors ?? [];
  const anchorPairs = anchors.map((a) => [a.seq, a.hash] as const);
  if (!Number.isSafeInteger(start.seq) || start.seq < 0) throw new RangeError(`cannot start after seq ${start.seq}`);
  const segmentSize = options.segmentSize ?? DEFAULT_SEGMENT;

  const verifyInline = makeSegmentVerifier(crypto, anchorPairs);
  // Workers start only once there is a second segment: a short walk (a checkpoint's increment, a
  // small chain) is not worth starting threads for.
  let pool: SegmentPool | null = null;
  let walk: ReturnType<SegmentPool['walk']> | null = null;
  let ownPool = false;
  let first: Uint8Array | null = null;
  const startPool = () => {
    ownPool = options.pool === undefined;
    pool = options.pool ? options.pool() : new SegmentPool(options.workers);
    walk = pool.walk(anchorPairs);
  };
  // Bounds memory: at most this many segments wait for a worker before the sockets are paused.
  const maxInFlight = Math.max(2, options.workers * 2);
  const copies: CopyOut[] = [];
  const resume = () => {
    if (pool!.inFlight < maxInFlight) for (const copy of copies) copy.resume();
  };
  const dispatch = (segment: Uint8Array, into: Promise<SegmentResult>[]) => {
    const result = walk!.verify(segment);
    // Resumed on failure too: a COPY must still run to its end for its connection to be reusable.
    result.then(resume, resume);
    into.push(result);
  };
  const allocate = (bytes: number) => (pool ? (pool as SegmentPool).take(bytes) : new ArrayBuffer(bytes));
  /** One COPY's segments, verified in order into `into`. */
  const batcherFor = (into: Promise<SegmentResult>[]) =>
    new TupleBatcher(segmentSize, (segment) => {
      if (options.workers === 0) {
        into.push(Promise.resolve(verifyInline(segment)));
      } else if (pool) {
        dispatch(segment, into);
      } else if (first === null) {
        first = segment;
      } else {
        startPool();
        dispatch(first, into);
        dispatch(segment, into);
      }
    }, undefined, allocate);
  const copy = async (client: Client, where: string, into: Promise<SegmentResult>[]) => {
    const batcher = batcherFor(into);
    const run = CopyOut.run(client, `COPY (SELECT ${SEGMENT_COLUMNS} FROM audit_event WHERE ${where} ORDER BY seq) TO STDOUT (FORMAT binary)`, (chunk) => {
      batcher.push(chunk);
      return pool === null || pool.inFlight < maxInFlight;
    });
    copies.push(run.copy);
    await run.done;
    batcher.end();
  };

  try {
    // The primary key's order, never a sort of the whole table.
    await manager.query('SET LOCAL enable_sort = off');
    const client = (await manager.queryRunner!.connect()) as Client;
    const copies = options.workers >= 2 ? Math.min(options.copies ?? 1, MAX_COPIES) : 1;
    const bounds = copies >= 2 ? await partBounds(manager, start.seq, copies, segmentSize) : [];
    const parts: Promise<SegmentResult>[][] = [[]];
    if (bounds.length === 0) {
      await copy(client, `seq > ${start.seq}`, parts[0]);
    } else {
      startPool();
      const [{ id: snapshot }] = (await manager.query('SELECT pg_export_snapshot() AS id')) as { id: string }[];
      const edges = [start.seq, ...bounds];
      const where = (i: number) => (i < bounds.length ? `seq > ${edges[i]} AND seq <= ${edges[i + 1]}` : `seq > ${edges[i]}`);
      const runs = edges.map((_, i) => {
        parts[i] = [];
        return i === 0 ? copy(client, where(0), parts[0]) : copyInSnapshot(manager, snapshot, (c) => copy(c, where(i), parts[i]));
      });
      // Every COPY runs to its end before an error is raised: their connections go back to the pool.
      const settled = await Promise.allSettled(runs);
      const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    }
    if (!pool && first !== null) parts[0].push(Promise.resolve(verifyInline(first)));
    const results = await Promise.all(parts.flat());
    return join(results, start, anchors);
  } finally {
    (walk as ReturnType<SegmentPool['walk']> | null)?.end();
    if (ownPool) await (pool as SegmentPool | null)?.close();
  }
}

/** COPYs read in parallel at most. */
const MAX_COPIES = 4;

/**
 * Where to cut the seq range after `after` into `parts` parts (the inner edges), or none when the
 * chain is too short for every part to fill two segments.
 */
async function partBounds(manager: EntityManager, after: number, parts: number, segmentSize: number): Promise<number[]> {
  const [{ max }] = (await manager.query('SELECT max(seq) AS max FROM audit_event')) as { max: string | null }[];
  const last = max === null ? after : Number(max);
  if (parts < 2 || last - after < parts * segmentSize * 2) return [];
  return Array.from({ length: parts - 1 }, (_, i) => after + Math.floor(((last - after) * (i + 1)) / parts));
}

/** Runs `read` on a connection of its own, in the snapshot `snapshot` exported by the caller's transaction. */
async function copyInSnapshot(manager: EntityManager, snapshot: string, read: (client: Client) => Promise<void>): Promise<void> {
  if (!/^[0-9A-F-]+$/i.test(snapshot)) throw new Error(`unexpected snapshot id ${snapshot}`);
  const runner = manager.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as Client;
    await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    await runner.query(`SET TRANSACTION SNAPSHOT '${snapshot}'`);
    await runner.query('SET LOCAL enable_sort = off');
    try {
      await read(client);
    } finally {
      await runner.query('ROLLBACK');
    }
  } finally {
    await runner.release();
  }
}

/** Joins the segments' results in seq order, as `ChainWalker` would have walked them one by one. */
function join(results: readonly SegmentResult[], start: TrustedLink, anchors: readonly TrustedLink[]): ChainVerification {
  let lastSeq = start.seq;
  let lastHash = start.hash;
  let count = 0;
  let matched = 0;
  const broken = (b: Omit<ChainBroken, 'valid'>): ChainBroken => ({ valid: false, ...b });
  for (const r of results) {
    if (r.count === 0 && r.broken === null) continue;
    if (r.firstSeq !== lastSeq + 1) {
      return broken({ seq: lastSeq + 1, expectedHash: lastHash, foundHash: r.firstPrevHash, reason: 'seq_gap' });
    }
    if (r.firstPrevHash !== lastHash) {
      return broken({ seq: r.firstSeq, expectedHash: lastHash, foundHash: r.firstPrevHash, reason: 'prev_hash_mismatch' });
    }
    if (r.broken) return broken(r.broken);
    count += r.count;
    matched += r.matched;
    lastSeq = r.lastSeq;
    lastHash = r.lastHash;
  }
  const beyond = anchors.filter((a) => a.seq > lastSeq).sort((a, b) => a.seq - b.seq)[0];
  if (beyond) return broken({ seq: beyond.seq, expectedHash: beyond.hash, foundHash: '', reason: 'chain_truncated' });
  return { valid: true, count, headSeq: lastSeq, headHash: lastHash, checkpointsMatched: matched };
}

/**
 * The (seq, hash) pairs of the checkpoints whose signatures verify, or the first checkpoint whose
 * signature does not (a forged or altered export must not pass as evidence).
 */
function checkpointAnchors(
  file: CheckpointExport,
  trustedPublicKeys: readonly string[] | undefined,
): TrustedLink[] | ChainVerification {
  const keys = new Map(file.keys.map((k) => [k.keyId, k.publicKey]));
  const trusted = trustedPublicKeys ? new Set(trustedPublicKeys.map((pem) => keyIdOf(crypto.createPublicKey(pem)))) : null;
  const anchors: TrustedLink[] = [];
  for (const checkpoint of file.checkpoints) {
    const publicKey = keys.get(checkpoint.keyId);
    const keyTrusted = trusted === null || trusted.has(checkpoint.keyId);
    if (!publicKey || !keyTrusted || !isCheckpointSignatureValid(checkpoint, publicKey)) {
      return {
        valid: false,
        seq: checkpoint.seq,
        expectedHash: checkpoint.hash,
        foundHash: '',
        reason: 'checkpoint_signature_invalid',
      };
    }
    anchors.push({ seq: checkpoint.seq, hash: checkpoint.hash });
  }
  return anchors;
}

