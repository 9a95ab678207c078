import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CheckpointExport, SignedCheckpoint } from '../domain/checkpoint';
import { createCheckpoint } from './create-checkpoint';
import { exportCheckpoints } from './export-checkpoints';
import { loadSigningKey, SigningKey, SigningKeyOptions } from './signing-key';

/** Injection token for `SigningKeyOptions` (see `AuditModule.forRoot`). */
export const AUDIT_SIGNING_KEY_OPTIONS = Symbol('AUDIT_SIGNING_KEY_OPTIONS');

/** Signed checkpoints of the chain head: create (scheduled by the worker) and export. */
@Injectable()
export class AuditCheckpoints {
  private key: SigningKey | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() @Inject(AUDIT_SIGNING_KEY_OPTIONS) private readonly keyOptions: SigningKeyOptions = {},
  ) {}

  /** Signs the current head; null when there is nothing new to sign. */
  create(): Promise<SignedCheckpoint | null> {
    return createCheckpoint(this.dataSource, this.signingKey());
  }

  export(): Promise<CheckpointExport> {
    return exportCheckpoints(this.dataSource.manager);
  }

  /** The public key (SPKI PEM) of this deployment's signing key, to pin when verifying exports. */
  publicKey(): string {
    return this.signingKey().publicKeyPem;
  }

  // Loaded on first use, so API replicas that never sign never need the key.
  private signingKey(): SigningKey {
    this.key ??= loadSigningKey(this.keyOptions ?? {});
    return this.key;
  }
}
