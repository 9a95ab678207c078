import type { Schema } from '@kp/client';

/** A queue row as GET /v1/queues/{queue} answers it, numbered n; `change` overrides fields. */
export function queueItem(n: number, change: Partial<Schema<'QueueItem'>> = {}): Schema<'QueueItem'> {
  return {
    id: `c-${n}`,
    number: `EK-2026-${String(n).padStart(6, '0')}`,
    title: `Projekt ${n}: hjertesvigt efter kemoterapi`,
    state: 'in_review',
    applicant: { organisation: 'Aarhus Universitet', cvr: '31119103' },
    subCases: [{ id: `s-${n}`, dataSourceId: 'lpr', dataSourceName: 'Landspatientregisteret', track: 'central', state: 'in_review', pendingDraftId: null }],
    assignee: null,
    dueAt: '2027-01-15T23:00:00.000Z',
    daysLeft: (n % 60) - 5,
    atRisk: n % 60 < 15,
    overdue: n % 60 < 5,
    clockPaused: n % 7 === 0,
    openConsultations: 0,
    openLegalMatters: 0,
    nextSteps: [{ command: 'claim' }],
    ...change,
  } as Schema<'QueueItem'>;
}
