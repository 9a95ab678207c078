import type { Schema } from '@kp/client';
import { describe, expect, it } from 'vitest';
import { filterQueue, NO_FILTER } from './queue-filter';

const item = (number: string, over: Partial<Schema<'QueueItem'>> = {}) =>
  ({ number, title: null, applicant: { organisation: 'Aarhus Universitet', cvr: null }, subCases: [{ dataSourceId: 'lpr' }], atRisk: false, overdue: false, ...over }) as Schema<'QueueItem'>;

describe('the queue filter', () => {
  const items = [
    item('EK-2026-000001', { overdue: true }),
    item('EK-2026-000002', { title: 'Apopleksi i Midtjylland', subCases: [{ dataSourceId: 'epj-region-midtjylland' }] as Schema<'QueueSubCase'>[] }),
    item('EK-2026-000003', { atRisk: true, applicant: { organisation: 'Novo Nordisk A/S', cvr: null } }),
  ];
  const numbers = (filtered: Schema<'QueueItem'>[]) => filtered.map((found) => found.number);

  it('keeps every case without a filter, in the queue’s order', () => {
    expect(numbers(filterQueue(items, NO_FILTER))).toEqual(['EK-2026-000001', 'EK-2026-000002', 'EK-2026-000003']);
  });

  it('narrows by number, title or applicant, by source, and to cases at risk or overdue', () => {
    expect(numbers(filterQueue(items, { ...NO_FILTER, text: 'midtjylland' }))).toEqual(['EK-2026-000002']);
    expect(numbers(filterQueue(items, { ...NO_FILTER, text: 'novo' }))).toEqual(['EK-2026-000003']);
    expect(numbers(filterQueue(items, { ...NO_FILTER, source: 'lpr' }))).toEqual(['EK-2026-000001', 'EK-2026-000003']);
    expect(numbers(filterQueue(items, { ...NO_FILTER, urgentOnly: true }))).toEqual(['EK-2026-000001', 'EK-2026-000003']);
  });
});
