/** The DOM id of a form field named by its API path (`dataRequests[0].period.start` → `f-dataRequests-0-period-start`), so a problem's `field` links to it. */
export function fieldId(path: string): string {
  return `f-${path.replace(/[[\].]+/g, '-').replace(/-$/, '')}`;
}

/** aria-describedby for a field with an optional hint and error. */
export function describedBy(id: string, hint?: unknown, error?: unknown): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}
