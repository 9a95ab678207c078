import { CASE_STATES, CaseState, isOpen } from './lifecycle';
import { Track } from './records';

/**
 * The contact point's work queues:
 * - `central`: open cases with an open sub-case on the central track (the contact point decides);
 * - `collaborative`: open cases with an open sub-case on the collaborative track (a recommendation
 *   to the controller);
 * - `approval`: cases with a draft decision waiting for a legal approver (four eyes);
 * - `mine`: open cases assigned to the caller.
 */
export const QUEUES = ['central', 'collaborative', 'approval', 'mine'] as const;
export type QueueName = (typeof QUEUES)[number];

export const isQueue = (value: string): value is QueueName => (QUEUES as readonly string[]).includes(value);

export const OPEN_CASE_STATES: CaseState[] = CASE_STATES.filter(isOpen);

/** `assignee=unassigned` filters for cases nobody holds. */
export const UNASSIGNED = 'unassigned';

export interface QueueFilter {
  track?: Track;
  dataSource?: string;
  state?: CaseState;
  assignee?: string;
  dueBefore?: Date;
  atRisk?: boolean;
  overdue?: boolean;
}

/** Working days left to the due date, negative when overdue; null when no clock runs. */
export function daysLeft(dueAt: Date | null, now: Date, workingDaysBetween: (a: Date, b: Date) => number): number | null {
  return dueAt ? workingDaysBetween(now, dueAt) : null;
}
