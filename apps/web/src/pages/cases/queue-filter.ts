import type { Schema } from '@kp/client';

export interface QueueFilter {
  /** Case number, title or applicant contains it (case-insensitive). */
  text: string;
  /** A data source id; empty: any. */
  source: string;
  /** Only cases at risk of or past their statutory deadline. */
  urgentOnly: boolean;
}

export const NO_FILTER: QueueFilter = { text: '', source: '', urgentOnly: false };

/** The queue's cases a caseworker narrows down to, in the queue's own order (soonest due first). */
export function filterQueue(items: readonly Schema<'QueueItem'>[], filter: QueueFilter): Schema<'QueueItem'>[] {
  const text = filter.text.trim().toLocaleLowerCase('da');
  return items.filter(
    (item) =>
      (!text || [item.number, item.title ?? '', item.applicant.organisation ?? ''].some((value) => value.toLocaleLowerCase('da').includes(text))) &&
      (!filter.source || item.subCases.some((sub) => sub.dataSourceId === filter.source)) &&
      (!filter.urgentOnly || item.atRisk || item.overdue),
  );
}
