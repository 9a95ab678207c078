import { EntityManager } from 'typeorm';
import { AuditEvent, AuditSubject } from '../domain/audit-event';
import { AUDIT_EVENT_COLUMNS, AuditEventRow, toAuditEvent } from '../infrastructure/audit-event.row';

export const MAX_PAGE = 500;

/** Filter for `eventsFor`. Every given criterion must hold; results are in seq order. */
export interface AuditEventQuery {
  /** Events about any of these subjects (e.g. a case and its sub-cases). */
  readonly subjects?: readonly AuditSubject[];
  /** Events by this actor (who viewed or changed what). */
  readonly actorSub?: string;
  /** Only these actions, e.g. the ones a role may see on a case timeline. */
  readonly actions?: readonly string[];
  /** Cursor: events after this seq (the previous page's `nextCursor`). */
  readonly afterSeq?: number;
  /** Page size, 1..500, default 100. */
  readonly limit?: number;
}

export interface AuditEventPage {
  readonly events: AuditEvent[];
  /** Pass as `afterSeq` for the next page; null on the last page. */
  readonly nextCursor: number | null;
}

/**
 * A cursor-paginated slice of the trail, for `GET /v1/cases/:id/audit` and the auditor's views.
 * Access control is the caller's: decide which subjects and actions the actor may see first.
 */
export async function eventsFor(manager: EntityManager, query: AuditEventQuery): Promise<AuditEventPage> {
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? 100), 1), MAX_PAGE);
  const where: string[] = ['seq > $1'];
  const params: unknown[] = [query.afterSeq ?? 0];
  if (query.subjects) {
    if (query.subjects.length === 0) return { events: [], nextCursor: null };
    params.push(query.subjects.map((s) => s.type), query.subjects.map((s) => s.id));
    where.push(`(subject_type, subject_id) IN (SELECT * FROM unnest($${params.length - 1}::text[], $${params.length}::text[]))`);
  }
  if (query.actorSub !== undefined) {
    params.push(query.actorSub);
    where.push(`actor_sub = $${params.length}`);
  }
  if (query.actions) {
    if (query.actions.length === 0) return { events: [], nextCursor: null };
    params.push([...query.actions]);
    where.push(`action = ANY($${params.length}::text[])`);
  }
  params.push(limit + 1);
  const rows = (await manager.query(
    `SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_event WHERE ${where.join(' AND ')} ORDER BY seq LIMIT $${params.length}`,
    params,
  )) as AuditEventRow[];
  const events = rows.slice(0, limit).map(toAuditEvent);
  return { events, nextCursor: rows.length > limit ? events[events.length - 1].seq : null };
}

/**
 * The whole history of one subject in seq order, optionally only some actions — a case's
 * timeline, explaining how a decision came about. Use `eventsFor` to page a long one.
 */
export async function timeline(
  manager: EntityManager,
  subjectType: string,
  subjectId: string,
  actions?: readonly string[],
): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let afterSeq = 0;
  for (;;) {
    const page = await eventsFor(manager, { subjects: [{ type: subjectType, id: subjectId }], actions, afterSeq, limit: MAX_PAGE });
    events.push(...page.events);
    if (page.nextCursor === null) return events;
    afterSeq = page.nextCursor;
  }
}
