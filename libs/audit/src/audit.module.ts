import { MetricsModule } from '@kp/metrics';
import { DynamicModule, Module } from '@nestjs/common';
import { AuditLog } from './append-event/audit-log';
import { AUDIT_SIGNING_KEY_OPTIONS, AuditCheckpoints } from './checkpoints/audit-checkpoints';
import { SigningKeyOptions } from './checkpoints/signing-key';
import { AuditMetrics } from './metrics/audit-metrics';
import { AuditVerifier } from './verify-chain/audit-verifier';

/**
 * The audit trail for Nest apps. Needs TypeORM's default DataSource (PersistenceModule); has no
 * controllers — apps/api exposes `GET /v1/audit/verify` etc., apps/worker schedules checkpoints.
 * Import `AuditModule` for AppConfig's signing key, or `AuditModule.forRoot({...})`.
 */
@Module({
  imports: [MetricsModule],
  providers: [AuditLog, AuditVerifier, AuditCheckpoints, AuditMetrics],
  exports: [AuditLog, AuditVerifier, AuditCheckpoints],
})
export class AuditModule {
  static forRoot(signingKey: SigningKeyOptions = {}): DynamicModule {
    return {
      module: AuditModule,
      providers: [{ provide: AUDIT_SIGNING_KEY_OPTIONS, useValue: signingKey }],
    };
  }
}
