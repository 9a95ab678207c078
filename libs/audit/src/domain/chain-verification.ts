import { AuditEvent } from './audit-event';
import { GENESIS_HASH, hashEvent } from './hash-chain';

export type ChainBreakReason =
  /** A seq is missing: a row was deleted (or the chain does not start at 1). */
  | 'seq_gap'
  /** The row's prev_hash is not the hash of the row before it. */
  | 'prev_hash_mismatch'
  /** The row's content no longer hashes to its stored hash: it was altered. */
  | 'hash_mismatch'
  /** The row at a signed checkpoint's seq has a different hash: the chain was rewritten. */
  | 'checkpoint_mismatch'
  /** A signed checkpoint names a seq beyond the head: events were removed from the end. */
  | 'chain_truncated'
  /** A checkpoint's signature does not verify with its public key. */
  | 'checkpoint_signature_invalid';

export interface ChainValid {
  readonly valid: true;
  readonly count: number;
  /** 0 for an empty chain. */
  readonly headSeq: number;
  /** The genesis hash for an empty chain. */
  readonly headHash: string;
  /** How many signed checkpoints the chain was compared with. */
  readonly checkpointsMatched: number;
}

export interface ChainBroken {
  readonly valid: false;
  /** The first seq at which the chain is broken. */
  readonly seq: number;
  readonly expectedHash: string;
  readonly foundHash: string;
  readonly reason: ChainBreakReason;
}

export type ChainVerification = ChainValid | ChainBroken;

/** A trusted (seq, hash) pair, e.g. from a signed checkpoint whose signature was already checked. */
export interface TrustedLink {
  readonly seq: number;
  readonly hash: string;
}

/**
 * Walks a hash chain one event at a time in seq order, holding only the previous link, so a
 * verifier can stream millions of events in constant memory. Stops at the first broken link.
 */
export class ChainWalker {
  private lastSeq: number;
  private lastHash: string;
  private count = 0;
  private matched = 0;
  private broken: ChainBroken | null = null;
  private readonly anchors: Map<number, string>;

  /**
   * @param anchors signed (seq, hash) pairs the chain must pass through
   * @param start resume after a trusted link instead of the genesis
   */
  constructor(anchors: readonly TrustedLink[] = [], start: TrustedLink = { seq: 0, hash: GENESIS_HASH }) {
    this.anchors = new Map(anchors.map((a) => [a.seq, a.hash]));
    this.lastSeq = start.seq;
    this.lastHash = start.hash;
  }

  get isBroken(): boolean {
    return this.broken !== null;
  }

  /** Feeds the next event; returns false once the chain is broken (stop feeding). */
  next(event: AuditEvent): boolean {
    if (this.broken) return false;
    const expectedSeq = this.lastSeq + 1;
    if (event.seq !== expectedSeq) {
      return this.fail({ seq: expectedSeq, expectedHash: this.lastHash, foundHash: event.prevHash, reason: 'seq_gap' });
    }
    if (event.prevHash !== this.lastHash) {
      return this.fail({ seq: event.seq, expectedHash: this.lastHash, foundHash: event.prevHash, reason: 'prev_hash_mismatch' });
    }
    const recomputed = hashEvent(event.prevHash, event);
    if (recomputed !== event.hash) {
      return this.fail({ seq: event.seq, expectedHash: recomputed, foundHash: event.hash, reason: 'hash_mismatch' });
    }
    const anchored = this.anchors.get(event.seq);
    if (anchored !== undefined) {
      if (anchored !== event.hash) {
        return this.fail({ seq: event.seq, expectedHash: anchored, foundHash: event.hash, reason: 'checkpoint_mismatch' });
      }
      this.matched += 1;
    }
    this.lastSeq = event.seq;
    this.lastHash = event.hash;
    this.count += 1;
    return true;
  }

  /** The outcome once every event has been fed. */
  finish(): ChainVerification {
    if (this.broken) return this.broken;
    const beyond = [...this.anchors.entries()].filter(([seq]) => seq > this.lastSeq).sort(([a], [b]) => a - b)[0];
    if (beyond) {
      return { valid: false, seq: beyond[0], expectedHash: beyond[1], foundHash: '', reason: 'chain_truncated' };
    }
    return { valid: true, count: this.count, headSeq: this.lastSeq, headHash: this.lastHash, checkpointsMatched: this.matched };
  }

  private fail(broken: Omit<ChainBroken, 'valid'>): false {
    this.broken = { valid: false, ...broken };
    return false;
  }
}
