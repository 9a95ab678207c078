import { JobHandler } from '@kp/queue';
import { Injectable, Logger } from '@nestjs/common';
import { AuditCheckpoints } from '../checkpoints/audit-checkpoints';

export const AUDIT_CHECKPOINT_JOB = 'audit.checkpoint';

/**
 * Signs the chain head (seq, hash, time) with the deployment's Ed25519 key. Safe to run at any
 * time and more than once: an unchanged head signs nothing, and a broken chain is never signed
 * (the run fails loudly with the broken seq instead).
 */
@Injectable()
export class AuditCheckpointJob implements JobHandler {
  readonly jobName = AUDIT_CHECKPOINT_JOB;
  private readonly logger = new Logger('AuditCheckpoints');

  constructor(private readonly checkpoints: AuditCheckpoints) {}

  // Runs in its own REPEATABLE READ transaction: a checkpoint needs one snapshot of the chain,
  // not the job runner's transaction, which only records that the job ran.
  async handle(): Promise<void> {
    const checkpoint = await this.checkpoints.create();
    if (checkpoint) this.logger.log(`signed checkpoint seq ${checkpoint.seq} hash ${checkpoint.hash}`);
  }
}
