import { Injectable } from '@nestjs/common';
import { createPublicKey } from 'node:crypto';
import { AuditCheckpoints } from '../checkpoints/audit-checkpoints';
import { ChainVerification } from '../domain/chain-verification';
import { CHECKPOINT_EXPORT_FORMAT, keyIdOf } from '../domain/checkpoint';
import { AuditVerifier } from '../verify-chain/audit-verifier';

export interface CheckpointsConsidered {
  /** Key id of this deployment's signing key, the only one trusted here. */
  readonly trustedKeyId: string;
  /** Stored checkpoints signed by that key: the chain must pass through each of them. */
  readonly trusted: number;
  /**
   * Stored checkpoints under any other key (an earlier key, or rows a database superuser added):
   * not evidence here. Hold the chain against an exported file with `npm run audit -- verify`.
   */
  readonly otherKeys: number;
}

export type TrailVerification = ChainVerification & { readonly checkpoints: CheckpointsConsidered };

/**
 * `GET /v1/audit/verify`: walks the chain and holds it against the stored checkpoints signed by
 * this deployment's key. Detects altered, deleted and reordered events; a rewrite of the whole
 * chain by a superuser is caught where it crosses a checkpoint signed before the rewrite.
 */
@Injectable()
export class VerifyAuditTrail {
  constructor(
    private readonly verifier: AuditVerifier,
    private readonly checkpoints: AuditCheckpoints,
  ) {}

  async execute(): Promise<TrailVerification> {
    const publicKey = this.checkpoints.publicKey();
    const trustedKeyId = keyIdOf(createPublicKey(publicKey));
    const stored = await this.checkpoints.export();
    const trusted = stored.checkpoints.filter((c) => c.keyId === trustedKeyId);
    const result = await this.verifier.verify({
      checkpoints: {
        format: CHECKPOINT_EXPORT_FORMAT,
        exportedAt: stored.exportedAt,
        // The key comes from this process, never from the database the checkpoints are stored in.
        keys: [{ keyId: trustedKeyId, publicKey }],
        checkpoints: trusted,
      },
      trustedPublicKeys: [publicKey],
    });
    return { ...result, checkpoints: { trustedKeyId, trusted: trusted.length, otherKeys: stored.checkpoints.length - trusted.length } };
  }
}
