/** What the deadline sweep last saw of a case's clock, or nothing for a case it has not seen. */
export interface WatchedFlags {
  atRisk: boolean;
  overdue: boolean;
}

export type DeadlineAlert = 'at_risk' | 'overdue';

/**
 * The alerts a clock change calls for: one when a case becomes at risk, one when it becomes overdue
 * — each once per transition. Flags the sweep already saw raise nothing; a case that stopped being
 * at risk (an extension, a pause) and becomes at risk again raises it again.
 */
export function deadlineAlerts(before: WatchedFlags | undefined, now: WatchedFlags): DeadlineAlert[] {
  const was = before ?? { atRisk: false, overdue: false };
  const alerts: DeadlineAlert[] = [];
  if (now.atRisk && !was.atRisk) alerts.push('at_risk');
  if (now.overdue && !was.overdue) alerts.push('overdue');
  return alerts;
}
