import { BusinessClock, SystemClock } from '@kp/clock';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { JobQueue } from '@kp/queue';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditEvent, AuditEventBody, NewAuditEvent } from '../domain/audit-event';
import { closeWith, ClosingStatement, runClosingWithin } from '@kp/persistence';
import { canonicalEventBody, canonicalPiecesAround, canonicalPiecesAroundSubjectId, hashCanonical, normalisePayload } from '../domain/hash-chain';
import { validateNewAuditEvent } from '../domain/validate-event';
import { AUDIT_CHAIN_LOCK_KEY } from '../infrastructure/chain-lock';
import { AUDIT_CHECKPOINT_JOB } from '../schedule-checkpoints/checkpoint.job';

/** Raised when `append` is called outside a transaction: the event could outlive a failed change. */
export class AuditTransactionRequiredError extends Error {
  constructor() {
    super("AuditLog.append must be called with the caller's transaction manager (dataSource.transaction(m => ...))");
    this.name = 'AuditTransactionRequiredError';
  }
}

/**
 * A SQL function whose value, taken in the appending statement, is the event's subject id: e.g.
 * `case_number_take(case id, year)`, which numbers a case in the same commit as its audit event.
 */
export interface SubjectIdCall {
  /** The function's name (a plain SQL identifier). */
  readonly fn: string;
  readonly arguments: readonly { readonly value: string | number; readonly type: 'uuid' | 'integer' | 'text' }[];
}

interface AppendedRow {
  seq: string;
  at: string;
  prev_hash: string;
  hash: string;
}

/**
 * Appends events to the hash chain (DESIGN.md §7).
 *
 * The event is written with the caller's transaction manager, so it commits with the change it
 * records or not at all. Appends hold a transaction-scoped advisory lock until that transaction
 * ends: append late in the transaction to keep the serialised section short. The lock, the chain
 * head, the hash and the insert are one statement (`audit_append`), so an append costs one round
 * trip under the lock. Run the transaction at READ COMMITTED (the default); under REPEATABLE READ
 * a stale head makes the insert fail on the primary key rather than fork the chain.
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
    return runClosingWithin(manager, this.appendStatement(event));
  }

  /**
   * As `append`, for a caller that does not read the event back: in a transaction run by
   * `transactionClosedBy` (the job runner's) the append goes in the closing message with COMMIT, so
   * the chain's lock is held while PostgreSQL runs that message, not over a turn of the process;
   * elsewhere it is appended at once. Its hash is checked after the commit there (see `closingAppend`).
   */
  async appendAtClose(manager: EntityManager, event: NewAuditEvent): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) throw new AuditTransactionRequiredError();
    await closeWith(manager, this.appendStatement(event));
  }

  /** The one-statement append (`audit_append`), its check of PostgreSQL's hash, and the checkpoint it may call for. */
  private appendStatement(event: NewAuditEvent): ClosingStatement<AuditEvent> {
    const { actor, payload, businessAt } = this.prepare(event);
    const subject = { type: event.subject.type, id: event.subject.id };
    const pieces = canonicalPiecesAround(actor, event.action, subject, payload, businessAt);
    return {
      // One statement under the chain lock (migration 1795800000000): lock, head, hash and insert.
      sql: `SELECT seq, at, prev_hash, hash FROM audit_append($1::bigint, $2, $3, $4, $5::timestamptz, $6, $7, $8, $9, $10, $11, $12::jsonb)`,
      parameters: [
        AUDIT_CHAIN_LOCK_KEY,
        pieces.beforeAt,
        pieces.beforeSeq,
        pieces.afterSeq,
        businessAt,
        actor.sub,
        actor.role,
        actor.organisation,
        event.action,
        subject.type,
        subject.id,
        JSON.stringify(payload),
      ],
      read: (rows) => checked(rows[0] as unknown as AppendedRow, { businessAt, actor, action: event.action, subject, payload }),
      followUp: (appended) => this.checkpointFor(appended),
    };
  }

  /** A new event checked, its payload normalised to what is hashed, its business time now. */
  private prepare(event: NewAuditEvent): { actor: Required<NewAuditEvent['actor']>; payload: AuditEventBody['payload']; businessAt: string } {
    validateNewAuditEvent(event);
    return {
      actor: { sub: event.actor.sub, role: event.actor.role, organisation: event.actor.organisation ?? null },
      payload: normalisePayload(event.payload),
      businessAt: this.clock.now().toISOString(),
    };
  }

  /**
   * Every `AUDIT_CHECKPOINT_EVERY_EVENTS`th event also enqueues a checkpoint. In the event's
   * transaction (or just after its commit, for a closing append): seq is taken under the chain
   * lock, so exactly one committed event per N enqueues it (a rolled-back one leaves its seq to the next).
   */
  private checkpointFor(appended: AuditEvent): ((manager: EntityManager) => Promise<void>) | undefined {
    const jobs = this.jobs;
    if (!jobs || this.checkpointEvery <= 0 || appended.seq % this.checkpointEvery !== 0) return undefined;
    return async (manager) => void (await jobs.enqueue(manager, { name: AUDIT_CHECKPOINT_JOB, payload: { seq: appended.seq } }));
  }

  /**
   * The append as a transaction's closing statement (`ClosingStatement`, sent in one message with
   * the COMMIT): the event's subject id is the value of `subjectId`, a function called in the same
   * statement, so a case's number and the event that names it are taken together and held only
   * while PostgreSQL runs that message. Run within a transaction (`runClosingWithin`), it is an
   * ordinary append. The checkpoint a multiple of `AUDIT_CHECKPOINT_EVERY_EVENTS` calls for is
   * the statement's follow-up: after the commit, in a transaction of its own (the scheduled
   * checkpoint still signs within its period if the process stops in between).
   */
  closingAppend(event: Omit<NewAuditEvent, 'subject'> & { subject: { type: string } }, subjectId: SubjectIdCall): ClosingStatement<AuditEvent> {
    if (!/^[a-z_][a-z0-9_]*$/.test(subjectId.fn)) throw new Error(`closingAppend: ${subjectId.fn} is not a plain function name`);
    const { actor, payload, businessAt } = this.prepare({ ...event, subject: { type: event.subject.type, id: subjectId.fn } });
    const pieces = canonicalPiecesAroundSubjectId(actor, event.action, event.subject.type, payload, businessAt);
    const call = `${subjectId.fn}(${subjectId.arguments.map((a, i) => `$${i + 1}::${a.type}`).join(', ')})`;
    const p = (n: number) => `$${subjectId.arguments.length + n}`;
    return {
      // The subject id enters the canonical text as PostgreSQL's JSON string of it (to_json: the
      // same escapes as RFC 8785), and the hash is checked against the body rebuilt here (read).
      sql: `SELECT s.id AS subject_id, a.seq, a.at, a.prev_hash, a.hash
              FROM ${call} AS s(id)
              CROSS JOIN LATERAL audit_append(${p(1)}::bigint, ${p(2)}, ${p(3)}, ${p(4)} || to_json(s.id)::text || ${p(5)},
                ${p(6)}::timestamptz, ${p(7)}, ${p(8)}, ${p(9)}, ${p(10)}, ${p(11)}, s.id, ${p(12)}::jsonb) a`,
      parameters: [
        ...subjectId.arguments.map((a) => a.value),
        AUDIT_CHAIN_LOCK_KEY,
        pieces.beforeAt,
        pieces.beforeSeq,
        pieces.beforeSubjectId,
        pieces.afterSubjectId,
        businessAt,
        actor.sub,
        actor.role,
        actor.organisation,
        event.action,
        event.subject.type,
        JSON.stringify(payload),
      ],
      read: (rows) => {
        const row = rows[0] as unknown as AppendedRow & { subject_id: string };
        return checked(row, { businessAt, actor, action: event.action, subject: { type: event.subject.type, id: row.subject_id }, payload });
      },
      followUp: (appended) => this.checkpointFor(appended),
    };
  }
}

/**
 * The event PostgreSQL appended, checked: it hashed the pieces joined, and the same hash from the
 * body as the verifier rebuilds it proves the pieces were cut right. Otherwise this throws: before
 * the commit that fails the transaction rather than commit a bad link; read after a closing
 * message's commit, it can only report it (and verification flags the link).
 */
function checked(row: AppendedRow, body: Omit<AuditEventBody, 'seq' | 'at'>): AuditEvent {
  const event: AuditEventBody = { seq: Number(row.seq), at: row.at, ...body };
  const hash = hashCanonical(row.prev_hash, canonicalEventBody(event));
  if (hash !== row.hash) throw new Error(`audit event ${event.seq}: PostgreSQL's hash ${row.hash} is not the body's ${hash}`);
  return { ...event, prevHash: row.prev_hash, hash };
}
