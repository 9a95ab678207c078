import { CheckpointExport } from '../domain/checkpoint';
import { TrustedLink } from '../domain/chain-verification';

export interface VerifyChainOptions {
  /**
   * Signed checkpoints to hold the chain against, normally an export kept off the database
   * (`npm run audit -- checkpoint export`). Their signatures are checked first.
   */
  readonly checkpoints?: CheckpointExport;
  /**
   * Public keys (SPKI PEM) to trust. When given, a checkpoint signed by any other key is refused;
   * otherwise the keys listed in the export are trusted.
   */
  readonly trustedPublicKeys?: readonly string[];
  /** Start after this trusted link instead of the genesis (used before signing a new checkpoint). */
  readonly from?: TrustedLink;
  /** Events per segment verified by one worker (default 4096); memory is bounded by a few segments per worker. */
  readonly batchSize?: number;
  /** Worker threads (default `AUDIT_VERIFY_WORKERS`, else the CPU count); 0 verifies on the calling thread. */
  readonly workers?: number;
}
