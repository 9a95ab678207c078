import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createPublicKey } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ChainVerification, ChainWalker, TrustedLink } from '../domain/chain-verification';
import { CheckpointExport, isCheckpointSignatureValid, keyIdOf } from '../domain/checkpoint';
import { AUDIT_EVENT_COLUMNS, AuditEventRow, toAuditEvent } from '../infrastructure/audit-event.row';
import { VerifyChainOptions } from './verify-options';

const DEFAULT_BATCH = 5000;

/**
 * Walks the audit chain and names the first broken link (DESIGN.md §7), for
 * `npm run audit -- verify` and `GET /v1/audit/verify` (role auditor).
 */
@Injectable()
export class AuditVerifier {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async verify(options: VerifyChainOptions = {}): Promise<ChainVerification> {
    const anchors = options.checkpoints ? checkpointAnchors(options.checkpoints, options.trustedPublicKeys) : [];
    if (!Array.isArray(anchors)) return anchors;
    // One snapshot for the whole walk, so the reported head is the head at one instant.
    return this.dataSource.transaction('REPEATABLE READ', (manager) =>
      walkChain(manager, new ChainWalker(anchors, options.from), options.from?.seq ?? 0, options.batchSize),
    );
  }
}

/**
 * Streams events after `afterSeq` in seq order through the walker, one keyset batch at a time;
 * the next batch is fetched while the current one is hashed, so the database and Node overlap.
 */
export async function walkChain(
  manager: EntityManager,
  walker: ChainWalker,
  afterSeq: number,
  batchSize = DEFAULT_BATCH,
): Promise<ChainVerification> {
  const fetch = (cursor: number) =>
    manager.query(`SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_event WHERE seq > $1 ORDER BY seq LIMIT $2`, [
      cursor,
      batchSize,
    ]) as Promise<AuditEventRow[]>;
  let pending = fetch(afterSeq);
  for (;;) {
    const rows = await pending;
    const full = rows.length === batchSize;
    if (full) pending = fetch(Number(rows[rows.length - 1].seq));
    for (const row of rows) {
      if (!walker.next(toAuditEvent(row))) {
        if (full) await pending.catch(() => undefined);
        return walker.finish();
      }
    }
    if (!full) return walker.finish();
  }
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
  const trusted = trustedPublicKeys ? new Set(trustedPublicKeys.map((pem) => keyIdOf(createPublicKey(pem)))) : null;
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
