import { afterKeyset, camel, isUuid, keysetKeySql, KeysetPosition } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DeliveryOrderRecord, OrderStatus, StatusReportRecord } from '../domain/delivery-order';

const many = <T>(rows: Record<string, unknown>[]) => rows.map((r) => camel<T>(r));
const OPEN = `('ordered', 'accepted', 'extracted', 'access_ended')`;

export type NewDeliveryOrder = Omit<DeliveryOrderRecord, 'id' | 'status' | 'statusReason' | 'overdueNoticedAt' | 'dispatchedAt' | 'updatedAt' | 'version'>;

/** Whose orders a list shows: one holder's, one environment's, or one case's. */
export type OrderScope = { holderOrg: string } | { environments: string[] } | { caseId: string };

@Injectable()
export class DeliveryOrderRepository {
  async insert(manager: EntityManager, o: NewDeliveryOrder): Promise<DeliveryOrderRecord> {
    const [row] = await manager.query(
      `INSERT INTO delivery_order (kind, case_id, case_number, permit_id, permit_number, holder_org, holder_name, environment, instructions,
                                   status, ordered_at, due_at, stops_order_id, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'ordered', $10, $11, $12, $10) RETURNING *`,
      [o.kind, o.caseId, o.caseNumber, o.permitId, o.permitNumber, o.holderOrg, o.holderName, o.environment, JSON.stringify(o.instructions), o.orderedAt, o.dueAt, o.stopsOrderId],
    );
    return camel(row);
  }

  async find(manager: EntityManager, id: string, lock = false): Promise<DeliveryOrderRecord | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await manager.query(`SELECT * FROM delivery_order WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return row ? camel(row) : undefined;
  }

  async forPermit(manager: EntityManager, permitId: string, lock = false): Promise<DeliveryOrderRecord[]> {
    return many(await manager.query(`SELECT * FROM delivery_order WHERE permit_id = $1 ORDER BY ordered_at, id${lock ? ' FOR UPDATE' : ''}`, [permitId]));
  }

  /** The orders under every version of a permit (an amendment's version orders only what it changed). */
  async forPermitNumber(manager: EntityManager, permitNumber: string, lock = false): Promise<DeliveryOrderRecord[]> {
    return many(await manager.query(`SELECT * FROM delivery_order WHERE permit_number = $1 ORDER BY ordered_at, id${lock ? ' FOR UPDATE' : ''}`, [permitNumber]));
  }

  /** One page of orders in the scope, oldest first. */
  async page(manager: EntityManager, scope: OrderScope, limit: number, after?: KeysetPosition): Promise<(DeliveryOrderRecord & { position: string })[]> {
    const params: unknown[] = [];
    let where: string;
    if ('holderOrg' in scope) {
      params.push(scope.holderOrg);
      where = 'holder_org = $1';
    } else if ('environments' in scope) {
      params.push(scope.environments);
      where = 'environment = ANY($1::text[])';
    } else {
      params.push(scope.caseId);
      where = 'case_id = $1';
    }
    if (after) {
      const a = afterKeyset(after, 'ordered_at', 'id', params.length + 1);
      where += ` AND ${a.sql}`;
      params.push(...a.params);
    }
    params.push(limit);
    return many(await manager.query(`SELECT *, ${keysetKeySql('ordered_at')} AS position FROM delivery_order WHERE ${where} ORDER BY ordered_at, id LIMIT $${params.length}`, params));
  }

  async setStatus(manager: EntityManager, id: string, status: OrderStatus, reason: string | null, at: Date): Promise<DeliveryOrderRecord> {
    const [rows] = await manager.query(`UPDATE delivery_order SET status = $2, status_reason = $3, updated_at = $4, version = version + 1 WHERE id = $1 RETURNING *`, [id, status, reason, at]);
    return camel(rows[0]);
  }

  async insertReport(manager: EntityManager, r: Omit<StatusReportRecord, 'id'>): Promise<StatusReportRecord> {
    const [row] = await manager.query(
      `INSERT INTO delivery_status_report (order_id, from_status, to_status, reason, opt_out_checks, reported_by_sub, reported_by_role, reported_by_org, reported_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [r.orderId, r.fromStatus, r.toStatus, r.reason, JSON.stringify(r.optOutChecks), r.reportedBySub, r.reportedByRole, r.reportedByOrg, r.reportedAt],
    );
    return camel(row);
  }

  async reportsFor(manager: EntityManager, orderIds: string[]): Promise<StatusReportRecord[]> {
    if (orderIds.length === 0) return [];
    return many(await manager.query(`SELECT * FROM delivery_status_report WHERE order_id = ANY($1::uuid[]) ORDER BY reported_at, id`, [orderIds]));
  }

  async markDispatched(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(`UPDATE delivery_order SET dispatched_at = $2 WHERE id = $1 AND dispatched_at IS NULL`, [id, at]);
  }

  /** Open orders past their due date whose overdue notice has not been given, locked for the sweep. */
  async dueForOverdueNotice(manager: EntityManager, now: Date, limit = 200): Promise<DeliveryOrderRecord[]> {
    return many(
      await manager.query(`SELECT * FROM delivery_order WHERE status IN ${OPEN} AND overdue_noticed_at IS NULL AND due_at < $1 ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED`, [now, limit]),
    );
  }

  async markOverdueNoticed(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(`UPDATE delivery_order SET overdue_noticed_at = $2 WHERE id = $1`, [id, at]);
  }
}
