import { Actor } from '@kp/auth';
import { copenhagenDateOf } from '@kp/clock';
import { DeliveryOrderRecord, isOpen, StatusReportRecord } from '../domain/delivery-order';
import { allowedReports, ReportingRole } from '../domain/status-transitions';
import { optOutChecksFor } from '../domain/opt-out-checks';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/**
 * An order as its reader sees it: what to extract and where, its status and history, whether it is
 * overdue, and — for the holder or the environment — the statuses they may report now and the
 * opt-out checks an extract must confirm (under the law of `now`). Reporters are named to staff only.
 */
export function orderView(actor: Actor, o: DeliveryOrderRecord, reports: StatusReportRecord[], now: Date) {
  const staff = ['caseworker', 'legal_approver', 'auditor'].includes(actor.role);
  const reporting = actor.role === 'data_holder' || actor.role === 'environment_operator' ? (actor.role as ReportingRole) : null;
  return {
    id: o.id,
    kind: o.kind,
    caseId: o.caseId,
    caseNumber: o.caseNumber,
    permitId: o.permitId,
    permitNumber: o.permitNumber,
    holder: { name: o.holderName, cvr: o.holderOrg },
    instructions: o.instructions,
    status: o.status,
    statusReason: o.statusReason,
    orderedAt: iso(o.orderedAt),
    dueAt: iso(o.dueAt),
    overdue: isOpen(o.status) && new Date(o.dueAt).getTime() < now.getTime(),
    dispatchedAt: iso(o.dispatchedAt),
    stopsOrderId: o.stopsOrderId,
    version: o.version,
    optOutChecks: o.kind === 'delivery' ? optOutChecksFor(o.instructions.sources, copenhagenDateOf(now).toString()) : [],
    nextStatuses: reporting ? allowedReports(o.kind, o.status, reporting, o.instructions.environment.operator !== null) : [],
    history: reports
      .filter((r) => r.orderId === o.id)
      .map((r) => ({
        from: r.fromStatus,
        to: r.toStatus,
        reason: r.reason,
        optOutChecks: r.optOutChecks,
        reportedAt: iso(r.reportedAt),
        reportedBy: { role: r.reportedByRole, organisation: r.reportedByOrg, ...(staff ? { sub: r.reportedBySub } : {}) },
      })),
  };
}

export type OrderView = ReturnType<typeof orderView>;

/**
 * An order in one line, for the case view: the applicant follows where each holder's delivery stands,
 * the caseworker sees which holder it waits on (the whole order is `GET /v1/delivery-orders/:id`).
 */
export function orderSummary(view: OrderView) {
  return {
    id: view.id,
    kind: view.kind,
    permitNumber: view.permitNumber,
    holder: view.holder,
    environment: view.instructions.environment.id,
    sources: view.instructions.sources.map((s) => s.dataSourceId),
    status: view.status,
    statusReason: view.statusReason,
    orderedAt: view.orderedAt,
    dueAt: view.dueAt,
    overdue: view.overdue,
  };
}

export type OrderSummary = ReturnType<typeof orderSummary>;
