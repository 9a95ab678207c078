import { Metrics } from '@kp/metrics';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * Read at scrape time: the head of the audit chain (its sequence number and when it was written)
 * and the newest signed checkpoint, so an operator sees the chain grow and notices a checkpoint
 * schedule that stopped (the gap between the two sequence numbers keeps growing).
 */
@Injectable()
export class AuditMetrics {
  private readonly logger = new Logger(AuditMetrics.name);

  constructor(metrics: Metrics, @InjectDataSource() dataSource: DataSource) {
    const logger = this.logger;
    let snapshot: { at: number; heads: Promise<{ seq: number; at: number; checkpointSeq: number; checkpointAt: number }> } | undefined;
    const heads = () => {
      if (!snapshot || Date.now() - snapshot.at > 1000) {
        const promise = dataSource
          .query(
            `SELECT coalesce((SELECT seq FROM audit_event ORDER BY seq DESC LIMIT 1), 0)::float8 AS seq,
                    coalesce((SELECT extract(epoch FROM at) FROM audit_event ORDER BY seq DESC LIMIT 1), 0)::float8 AS at,
                    coalesce((SELECT max(seq) FROM audit_checkpoint), 0)::float8 AS checkpoint_seq,
                    coalesce((SELECT extract(epoch FROM max(at)) FROM audit_checkpoint), 0)::float8 AS checkpoint_at`,
          )
          .then(([row]: { seq: number; at: number; checkpoint_seq: number; checkpoint_at: number }[]) => ({
            seq: Number(row.seq),
            at: Number(row.at),
            checkpointSeq: Number(row.checkpoint_seq),
            checkpointAt: Number(row.checkpoint_at),
          }));
        promise.catch((error: unknown) => logger.warn(`audit metrics not collected: ${String(error)}`));
        snapshot = { at: Date.now(), heads: promise };
      }
      return snapshot.heads.catch(() => undefined);
    };
    const gauge = (name: string, help: string, figure: 'seq' | 'at' | 'checkpointSeq' | 'checkpointAt') =>
      metrics.gauge({
        name,
        help,
        async collect() {
          const figures = await heads();
          if (figures) this.set(figures[figure]);
        },
      });
    gauge('kp_audit_chain_head_seq', 'Sequence number of the newest audit event (the chain head)', 'seq');
    gauge('kp_audit_chain_head_timestamp_seconds', 'When the chain head was written (Unix time)', 'at');
    gauge('kp_audit_checkpoint_seq', 'Sequence number covered by the newest signed checkpoint', 'checkpointSeq');
    gauge('kp_audit_checkpoint_timestamp_seconds', 'When the newest checkpoint was signed (Unix time)', 'checkpointAt');
  }
}
