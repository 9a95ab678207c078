import { DataSource, EntityManager } from 'typeorm';
import { ChainBroken } from '../domain/chain-verification';
import { signCheckpoint, SignedCheckpoint } from '../domain/checkpoint';
import { walkChain } from '../verify-chain/audit-verifier';
import { appendCheckpointLine } from './checkpoint-log';
import { CHECKPOINT_COLUMNS, CheckpointRow, toSignedCheckpoint } from './checkpoint.row';
import { loadSigningKey, SigningKey, SigningKeyOptions } from './signing-key';

export interface CreateCheckpointOptions {
  /** `AUDIT_CHECKPOINT_EXPORT_DIR`: also append the checkpoint to the append-only log there. */
  readonly exportDir?: string;
  /** `AUDIT_VERIFY_WORKERS`: threads for verifying a long stretch since the last checkpoint (default 0). */
  readonly verifyWorkers?: number;
}

/** Raised instead of signing a head whose chain does not verify: a signature must never bless tampering. */
export class AuditChainBrokenError extends Error {
  constructor(readonly result: ChainBroken) {
    super(`audit chain broken at seq ${result.seq} (${result.reason}); no checkpoint signed`);
    this.name = 'AuditChainBrokenError';
  }
}

/**
 * Signs the current head of the chain with Ed25519 and stores the checkpoint; the worker runs this
 * on a schedule. Before signing, it verifies the events since the previous checkpoint of the same
 * key, starting from that checkpoint's signed hash, so each run costs only the new events.
 * Returns null when the chain is empty or has not grown since that checkpoint.
 */
export async function createCheckpoint(
  dataSource: DataSource,
  key: SigningKey | SigningKeyOptions = {},
  options: CreateCheckpointOptions = {},
): Promise<SignedCheckpoint | null> {
  const signingKey = 'privateKey' in key ? key : loadSigningKey(key);
  try {
    return await signHead(dataSource, signingKey, options);
  } catch (error) {
    // Two runs at once (the schedule and a sweep run by hand, or two replicas' workers) see the
    // same head in their snapshots: the first to commit stores it; the other, refused on the key
    // (23505) or for its snapshot (40001), signs nothing this time instead of failing.
    const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
    if (code === '23505' || code === '40001') return null;
    throw error;
  }
}

async function signHead(dataSource: DataSource, signingKey: SigningKey, options: CreateCheckpointOptions): Promise<SignedCheckpoint | null> {
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    const [previous] = (await manager.query(
      `SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoint WHERE key_id = $1 ORDER BY seq DESC LIMIT 1`,
      [signingKey.keyId],
    )) as CheckpointRow[];
    const from = previous ? toSignedCheckpoint(previous) : undefined;
    const anchor = from ? [{ seq: from.seq, hash: from.hash }] : [];
    // Re-read the anchored row itself so a rewrite of the already-signed part is caught too.
    const start = from && from.seq > 1 ? await linkBefore(manager, from.seq) : undefined;
    const result = await walkChain(manager, { anchors: anchor, start, workers: options.verifyWorkers ?? 0 });
    if (!result.valid) throw new AuditChainBrokenError(result);
    if (result.headSeq === 0 || (from && result.headSeq === from.seq)) return null;

    const [{ now }] = (await manager.query(
      `SELECT to_char(date_trunc('milliseconds', clock_timestamp()) AT TIME ZONE 'UTC',
                      'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS now`,
    )) as { now: string }[];
    const head = { seq: result.headSeq, hash: result.headHash, at: now };
    const checkpoint = signCheckpoint(head, signingKey.privateKey, signingKey.keyId);
    await manager.query(
      `INSERT INTO audit_checkpoint (seq, hash, at, key_id, public_key, signature)
       VALUES ($1, $2, $3::timestamptz, $4, $5, $6)`,
      [checkpoint.seq, checkpoint.hash, checkpoint.at, checkpoint.keyId, signingKey.publicKeyPem, checkpoint.signature],
    );
    // Before commit: a checkpoint the export refused is not stored, so the next run signs it again.
    if (options.exportDir) appendCheckpointLine(options.exportDir, checkpoint, signingKey.publicKeyPem);
    return checkpoint;
  });
}

/** The (seq, prev_hash) link into `seq`: the walk restarts from the row before the last checkpoint. */
async function linkBefore(manager: EntityManager, seq: number): Promise<{ seq: number; hash: string } | undefined> {
  const [row] = (await manager.query('SELECT prev_hash FROM audit_event WHERE seq = $1', [seq])) as { prev_hash: string }[];
  return row ? { seq: seq - 1, hash: row.prev_hash } : undefined;
}
