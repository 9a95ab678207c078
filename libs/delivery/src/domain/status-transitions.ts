import type { OrderKind, OrderStatus, ReportedStatus } from './delivery-order';

export type ReportingRole = 'data_holder' | 'environment_operator';

/**
 * Who may report which status from which, per kind of order: one table, like the case lifecycle.
 * The holder's delivery staff accept, extract or refuse (with a reason); the environment confirms
 * receipt. On a stop order the environment ends access and the holder confirms deletion. Where the
 * environment has no operator here (`other`), the holder reports for it.
 */
export const STATUS_TRANSITIONS: Record<OrderKind, Partial<Record<OrderStatus, Partial<Record<ReportingRole, ReportedStatus[]>>>>> = {
  delivery: {
    ordered: { data_holder: ['accepted', 'rejected'] },
    accepted: { data_holder: ['extracted', 'rejected'] },
    extracted: { environment_operator: ['delivered'] },
  },
  stop: {
    ordered: { environment_operator: ['access_ended'] },
    access_ended: { data_holder: ['deleted'] },
  },
};

/** The statuses this role may report on an order of this kind in this status. */
export function allowedReports(kind: OrderKind, status: OrderStatus, role: ReportingRole, environmentHasOperator: boolean): ReportedStatus[] {
  const byRole = STATUS_TRANSITIONS[kind][status] ?? {};
  const own = byRole[role] ?? [];
  // Nobody operates an `other` environment for us: the holder reports what the environment would.
  const forEnvironment = role === 'data_holder' && !environmentHasOperator ? (byRole.environment_operator ?? []) : [];
  return [...own, ...forEnvironment];
}

/** The status table as Markdown, for docs/delivery-orders.md. */
export function renderStatusTable(): string {
  const roles: ReportingRole[] = ['data_holder', 'environment_operator'];
  const rows = (Object.keys(STATUS_TRANSITIONS) as OrderKind[]).flatMap((kind) =>
    Object.entries(STATUS_TRANSITIONS[kind]).map(([status, byRole]) => `| ${kind} | \`${status}\` | ${roles.map((r) => (byRole?.[r] ?? []).map((s) => `\`${s}\``).join(', ') || '—').join(' | ')} |`),
  );
  return ['| order | status | data_holder may report | environment_operator may report |', '|---|---|---|---|', ...rows].join('\n');
}
