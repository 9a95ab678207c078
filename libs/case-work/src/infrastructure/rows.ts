/** View helpers for case work: ISO text for a timestamp; the id check before a query is persistence's. */
export const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

export { isUuid } from '@kp/persistence';
