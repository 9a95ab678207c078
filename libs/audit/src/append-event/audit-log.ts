import { BusinessClock, SystemClock } from '@kp/clock';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { JobQueue } from '@kp/queue';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditEvent, AuditEventBody, NewAuditEvent } from '../domain/audit-event';
import { canonicalEventBody, GENESIS_HASH, hashCanonical, normalisePayload } from '../domain/hash-chain';
import { validateNewAuditEvent } from '../domain/validate-event';
import { lockChain } from '../infrastructure/chain-lock';
import { AUDIT_CHECKPOINT_JOB } from '../schedule-checkpoints/checkpoint.job';

/** Raised when `append` is called outside a transaction: the event could outlive a failed change. */
export class AuditTransactionRequiredError extends Error {
  constructor() {
    super("AuditLog.append must be called with the caller's transaction manager (dataSource.transaction(m => ...))");
    this.name = 'AuditTransactionRequiredError';
  }
}

interface HeadRow {
  seq: string | null;
  hash: string | null;
  now: string;
}

/**
 * Appends events to the hash chain (DESIGN.md §7).
 *
 * The event is written with the caller's transaction manager, so it commits with the change it
 * records or not at all. Appends hold a transaction-scoped advisory lock until that transaction
 * ends: append late in the transaction to keep the serialised section short. Run the transaction
 * at READ COMMITTED (the default); under REPEATABLE READ a stale head makes the insert fail on the
 * primary key rather than fork the chain.
 */
@Injectable()
export class AuditLog {
  private readonly clock: BusinessClock;
  private readonly checkpointEvery: number;

  /**
   * Without a business clock (CLI tools, library tests) business time is the wall clock. With the
   * job queue, every `AUDIT_CHECKPOINT_EVERY_EVENTS`th event also enqueues a checkpoint (issue 13):
   * a rewrite must not have a quiet ten minutes of unsigned events to work in.
   */
  constructor(
    @Optional() clock?: BusinessClock,
    @Optional() private readonly jobs?: JobQueue,
    @Optional() @Inject(APP_CONFIG) config?: AppConfig,
  ) {
    this.clock = clock ?? new SystemClock();
    this.checkpointEvery = config?.schedules.auditCheckpointEveryEvents ?? 0;
  }

  async append(manager: EntityManager, event: NewAuditEvent): Promise<AuditEvent> {
    if (!manager.queryRunner?.isTransactionActive) throw new AuditTransactionRequiredError();
    validateNewAuditEvent(event);
    const payload = normalisePayload(event.payload);

    await lockChain(manager);
    // A new statement after the lock: at READ COMMITTED it sees the head committed by the previous holder.
    const [head] = (await manager.query(
      `SELECT h.seq, h.hash,
              to_char(date_trunc('milliseconds', clock_timestamp()) AT TIME ZONE 'UTC',
                      'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS now
         FROM (SELECT 1) AS one
         LEFT JOIN LATERAL (SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1) AS h ON true`,
    )) as HeadRow[];

    const body: AuditEventBody = {
      seq: head.seq === null ? 1 : Number(head.seq) + 1,
      at: head.now,
      businessAt: this.clock.now().toISOString(),
      actor: { sub: event.actor.sub, role: event.actor.role, organisation: event.actor.organisation ?? null },
      action: event.action,
      subject: { type: event.subject.type, id: event.subject.id },
      payload,
    };
    const prevHash = head.hash ?? GENESIS_HASH;
    // The exact bytes hashed are stored with the event, so verification need not rebuild them.
    const canonical = canonicalEventBody(body);
    const hash = hashCanonical(prevHash, canonical);

    await manager.query(
      `INSERT INTO audit_event (seq, at, actor_sub, actor_role, actor_organisation, action,
                                subject_type, subject_id, payload, prev_hash, hash, business_at, canonical)
       VALUES ($1, $2::timestamptz, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12::timestamptz, $13)`,
      [
        body.seq,
        body.at,
        body.actor.sub,
        body.actor.role,
        body.actor.organisation,
        body.action,
        body.subject.type,
        body.subject.id,
        JSON.stringify(payload),
        prevHash,
        hash,
        body.businessAt,
        Buffer.from(canonical, 'utf8'),
      ],
    );
    // In the same transaction as the event: seq is taken under the chain lock, so exactly one
    // committed event per N enqueues the checkpoint (a rolled-back one leaves its seq to the next).
    if (this.jobs && this.checkpointEvery > 0 && body.seq % this.checkpointEvery === 0) {
      await this.jobs.enqueue(manager, { name: AUDIT_CHECKPOINT_JOB, payload: { seq: body.seq } });
    }
    return { ...body, prevHash, hash };
  }
}
