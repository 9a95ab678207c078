import type { Schema } from '@kp/client';

export const DAYS_LEFT_BANDS = ['overdue', 'd0to5', 'd6to15', 'd16to30', 'd31plus', 'none'] as const;
export const WAITING_PARTIES = ['caseworker', 'applicant', 'advisor', 'legal_approver', 'controller'] as const;

/** Working days left on the statutory clock in bands a caseworker plans by (at risk sits in the first). */
export function daysLeftBand(item: Pick<Schema<'QueueItem'>, 'daysLeft' | 'overdue'>): (typeof DAYS_LEFT_BANDS)[number] {
  if (item.daysLeft === null) return 'none';
  if (item.overdue || item.daysLeft < 0) return 'overdue';
  if (item.daysLeft <= 5) return 'd0to5';
  if (item.daysLeft <= 15) return 'd6to15';
  if (item.daysLeft <= 30) return 'd16to30';
  return 'd31plus';
}

/**
 * Whom an open case in a queue waits on, from its state and its parts' states: the queue answer
 * carries no waitingFor (the case view does), and one request per case would not scale to a
 * queue. A case waiting on several parties counts once, for the first in this order.
 */
export function waitingParty(item: Pick<Schema<'QueueItem'>, 'state' | 'subCases'>): (typeof WAITING_PARTIES)[number] {
  if (item.state === 'awaiting_applicant') return 'applicant';
  if (item.state === 'consultation') return 'advisor';
  if (item.subCases.some((sub) => sub.state === 'awaiting_approval')) return 'legal_approver';
  if (item.state === 'awaiting_controller' || item.subCases.some((sub) => sub.state === 'awaiting_controller')) return 'controller';
  return 'caseworker';
}
