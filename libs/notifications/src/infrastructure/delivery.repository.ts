import { camel } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface DeliveryRecord {
  id: string;
  notificationId: string;
  channel: 'email';
  recipientSub: string;
  address: string;
  language: 'da' | 'en';
  messageId: string;
  state: 'pending' | 'sent';
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
}

/** The one repository of `notification_delivery`: each e-mail of a notice to one person, until the server accepted it. */
@Injectable()
export class DeliveryRepository {
  /** Once per notice and person: a second call for the same pair returns undefined. */
  async insert(
    manager: EntityManager,
    d: { notificationId: string; recipientSub: string; address: string; language: 'da' | 'en'; messageId: string },
  ): Promise<string | undefined> {
    const [row] = await manager.query(
      `INSERT INTO notification_delivery (notification_id, channel, recipient_sub, address, language, message_id)
       VALUES ($1, 'email', $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
      [d.notificationId, d.recipientSub, d.address, d.language, d.messageId],
    );
    return row?.id;
  }

  async find(manager: EntityManager, id: string): Promise<DeliveryRecord | undefined> {
    const [row] = await manager.query(`SELECT * FROM notification_delivery WHERE id = $1`, [id]);
    return row ? camel(row) : undefined;
  }

  /**
   * Only one job sends a delivery at a time (a redelivery may overlap a retry): a transaction-scoped
   * advisory lock, so the attempt can be recorded from outside the job's transaction without waiting on a row lock.
   */
  async trySending(manager: EntityManager, id: string): Promise<boolean> {
    const [row] = await manager.query(`SELECT pg_try_advisory_xact_lock(hashtextextended('notification_delivery:' || $1, 0)) AS locked`, [id]);
    return row.locked === true;
  }

  /** Recorded in its own transaction, so a failed attempt (whose job transaction rolls back) still counts. */
  async recordAttempt(db: DataSource, id: string, error?: string): Promise<void> {
    await db.query(
      `UPDATE notification_delivery SET attempts = attempts + 1, last_attempt_at = now(), last_error = $2 WHERE id = $1`,
      [id, error ?? null],
    );
  }

  async markSent(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE notification_delivery SET state = 'sent', sent_at = now(), last_error = NULL WHERE id = $1`, [id]);
  }

  /**
   * Pending deliveries whose last try (or creation) is older than `staleMs` and that were not queued
   * again within it: those whose queue retries ran out. Marked as queued again in the same statement.
   */
  async claimStale(manager: EntityManager, staleMs: number, limit = 200): Promise<string[]> {
    // An UPDATE … RETURNING answers [rows, count] through TypeORM's postgres driver.
    const [rows]: [{ id: string }[], number] = await manager.query(
      `UPDATE notification_delivery SET requeued_at = now()
        WHERE id IN (SELECT id FROM notification_delivery
                      WHERE state = 'pending'
                        AND COALESCE(last_attempt_at, created_at) < now() - make_interval(secs => $1 / 1000.0)
                        AND (requeued_at IS NULL OR requeued_at < now() - make_interval(secs => $1 / 1000.0))
                      ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      [staleMs, limit],
    );
    return rows.map((r) => r.id);
  }
}
