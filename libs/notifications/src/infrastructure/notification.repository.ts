import { Actor } from '@kp/auth';
import { KeysetPosition, keysetKeySql } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NewNotification, NotificationRecord } from '../domain/notification';

type Row = Record<string, unknown>;

function toRecord(row: Row): NotificationRecord {
  return {
    id: row.id as string,
    recipientSub: (row.recipient_sub as string | null) ?? null,
    recipientRole: (row.recipient_role as NotificationRecord['recipientRole']) ?? null,
    recipientOrg: (row.recipient_org as string | null) ?? null,
    recipientRegion: (row.recipient_region as string | null) ?? null,
    kind: row.kind as string,
    caseId: (row.case_id as string | null) ?? null,
    caseNumber: (row.case_number as string | null) ?? null,
    titleDa: row.title_da as string,
    titleEn: row.title_en as string,
    bodyDa: row.body_da as string,
    bodyEn: row.body_en as string,
    createdAt: new Date(row.created_at as string),
    readAt: row.seen_at ? new Date(row.seen_at as string) : null,
  };
}

/**
 * Addressed to this actor: to their subject, or to their role within their organisation / region
 * when the notice is scoped to one. `$1..$4` are the actor's sub, role, organisation and region.
 */
const ADDRESSED = `(n.recipient_sub = $1
   OR (n.recipient_role = $2
       AND (n.recipient_org IS NULL OR n.recipient_org = $3)
       AND (n.recipient_region IS NULL OR n.recipient_region = $4)))`;

const SELECT = `SELECT n.*, ${keysetKeySql('n.created_at')} AS position, COALESCE(n.read_at, r.read_at) AS seen_at
  FROM notification n
  LEFT JOIN notification_read r ON r.notification_id = n.id AND r.reader_sub = $1`;

const actorParams = (actor: Actor) => [actor.sub, actor.role, actor.organisation ?? null, actor.region ?? null];

@Injectable()
export class NotificationRepository {
  /**
   * `at` is business time, to the millisecond. A case's notices, and a recipient's (a person, or a
   * role), keep the order they were written in even within one millisecond (created_at, id orders
   * the lists): a notice never sorts before the case's or the recipient's latest. Each bound is one
   * probe of an index on (…, created_at).
   */
  async insert(manager: EntityManager, n: NewNotification, at: Date): Promise<NotificationRecord> {
    const to = n.to as { sub?: string; role?: string; organisation?: string; region?: string };
    const [row] = await manager.query(
      `INSERT INTO notification (recipient_sub, recipient_role, recipient_org, recipient_region, kind, case_id, case_number,
                                 title_da, title_en, body_da, body_en, application_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
               GREATEST($13::timestamptz,
                        (SELECT max(created_at) + interval '1 microsecond' FROM notification WHERE case_id = $6),
                        (SELECT max(created_at) + interval '1 microsecond' FROM notification WHERE recipient_sub = $1),
                        (SELECT max(created_at) + interval '1 microsecond' FROM notification WHERE recipient_role = $2 AND $1::text IS NULL)))
       RETURNING *, NULL AS seen_at`,
      [
        to.sub ?? null,
        to.role ?? null,
        to.organisation ?? null,
        to.region ?? null,
        n.kind,
        n.caseId ?? null,
        n.caseNumber ?? null,
        n.title.da,
        n.title.en,
        n.body.da,
        n.body.en,
        n.applicationId ?? null,
        at,
      ],
    );
    return toRecord(row);
  }

  /** One notice, whoever it is for: for a channel delivering it, never for a reader. */
  async find(manager: EntityManager, id: string): Promise<NotificationRecord | undefined> {
    const [row] = await manager.query(`SELECT n.*, n.read_at AS seen_at FROM notification n WHERE n.id = $1`, [id]);
    return row ? toRecord(row) : undefined;
  }

  /** One notice, only when it is addressed to this actor (otherwise undefined: existence is not disclosed). */
  async findAddressedTo(manager: EntityManager, actor: Actor, id: string): Promise<NotificationRecord | undefined> {
    const [row] = await manager.query(`${SELECT} WHERE n.id = $5 AND ${ADDRESSED}`, [...actorParams(actor), id]);
    return row ? toRecord(row) : undefined;
  }

  /** The actor's notices, newest first, keyset-paginated on (created_at, id). */
  async listAddressedTo(
    manager: EntityManager,
    actor: Actor,
    filter: { unread?: boolean; kind?: string; caseNumber?: string; personalOnly?: boolean },
    limit: number,
    after?: KeysetPosition,
  ): Promise<(NotificationRecord & { position: string })[]> {
    const rows: Row[] = await manager.query(
      `${SELECT}
        WHERE ${ADDRESSED}
          AND ($11::boolean IS NOT TRUE OR n.recipient_sub = $1)
          AND ($5::boolean IS NOT TRUE OR COALESCE(n.read_at, r.read_at) IS NULL)
          AND ($6::text IS NULL OR n.kind = $6)
          AND ($7::text IS NULL OR n.case_number = $7)
          AND ($8::timestamptz IS NULL OR (n.created_at, n.id) < ($8::timestamptz, $9::uuid))
        ORDER BY n.created_at DESC, n.id DESC
        LIMIT $10`,
      [...actorParams(actor), filter.unread ?? null, filter.kind ?? null, filter.caseNumber ?? null, after?.key ?? null, after?.id ?? null, limit, filter.personalOnly ?? null],
    );
    return rows.map((row) => ({ ...toRecord(row), position: row.position as string }));
  }

  /** Marks read for this reader; reading twice keeps the first time. */
  /** `at` is business time. */
  async markRead(manager: EntityManager, notification: NotificationRecord, readerSub: string, at: Date): Promise<void> {
    if (notification.recipientSub !== null) {
      await manager.query(`UPDATE notification SET read_at = COALESCE(read_at, $2) WHERE id = $1`, [notification.id, at]);
    } else {
      await manager.query(`INSERT INTO notification_read (notification_id, reader_sub, read_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [notification.id, readerSub, at]);
    }
  }

  /**
   * Retention: the notices about a case or its draft (their texts quote grounds, answers and names), who
   * read them, and the record of each e-mail sent for them (the address, the mail server's answer)
   * go with the case's data. The notices are copies: the documents they announced are in the case
   * file, handed over before. Digital Post letters are not stored here (the port keeps nothing).
   */
  async eraseForRetention(manager: EntityManager, c: { id: string; number: string; applicationId: string }): Promise<{ notifications: number; emailDeliveries: number }> {
    const about = `SELECT id FROM notification WHERE case_id = $1 OR case_number = $2 OR application_id = $3`;
    const params = [c.id, c.number, c.applicationId];
    const [, emailDeliveries] = await manager.query(`DELETE FROM notification_delivery WHERE notification_id IN (${about})`, params);
    await manager.query(`DELETE FROM notification_read WHERE notification_id IN (${about})`, params);
    const [, notifications] = await manager.query(`DELETE FROM notification WHERE id IN (${about})`, params);
    return { notifications: notifications as number, emailDeliveries: emailDeliveries as number };
  }
}
