import { APP_CONFIG, AppConfig } from '@kp/config';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CheckpointExport, SignedCheckpoint } from '../domain/checkpoint';
import { createCheckpoint } from './create-checkpoint';
import { exportCheckpoints } from './export-checkpoints';
import { loadSigningKey, SigningKey, SigningKeyOptions } from './signing-key';

/** Injection token for `SigningKeyOptions` (see `AuditModule.forRoot`). */
export const AUDIT_SIGNING_KEY_OPTIONS = Symbol('AUDIT_SIGNING_KEY_OPTIONS');

/**
 * Signed checkpoints of the chain head: create (scheduled by the worker) and export. The key is
 * AppConfig's (`AUDIT_SIGNING_KEY`, else one generated in `DATA_DIR`) unless `AuditModule.forRoot` names one.
 */
@Injectable()
export class AuditCheckpoints {
  private key: SigningKey | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() @Inject(AUDIT_SIGNING_KEY_OPTIONS) private readonly keyOptions: SigningKeyOptions = {},
    @Optional() @Inject(APP_CONFIG) private readonly config?: AppConfig,
  ) {}

  /** Signs the current head (and appends it to `AUDIT_CHECKPOINT_EXPORT_DIR`); null when there is nothing new. */
  create(): Promise<SignedCheckpoint | null> {
    return createCheckpoint(this.dataSource, this.signingKey(), {
      exportDir: this.config?.auditCheckpointExportDir,
      verifyWorkers: this.config?.auditVerifyWorkers,
    });
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
    this.key ??= loadSigningKey({
      pem: this.keyOptions?.pem ?? this.config?.auditSigningKey,
      dataDir: this.keyOptions?.dataDir ?? this.config?.dataDir,
    });
    return this.key;
  }
}
