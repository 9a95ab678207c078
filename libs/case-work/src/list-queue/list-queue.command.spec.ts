import { refusalOf } from '../testing/refusal-of';
import { ListQueueCommand } from './list-queue.command';

describe('ListQueueCommand', () => {
  it('takes a page size and the queue view’s filters', () => {
    expect(ListQueueCommand.create({ queue: 'central', limit: 20 })).toMatchObject({ queue: 'central', limit: 20 });
    const dueBefore = new Date('2026-04-01T00:00:00Z');
    const command = ListQueueCommand.create({ queue: 'mine', track: 'central', dataSource: 'lpr', state: 'in_review', assignee: 'unassigned', dueBefore, atRisk: true, overdue: false, limit: 50, cursor: 'abc' });
    expect(command).toMatchObject({ queue: 'mine', track: 'central', dataSource: 'lpr', atRisk: true, overdue: false, limit: 50 });
    expect(command.dueBefore).toEqual(dueBefore);
  });

  it('leaves an unknown queue to the use case, which answers that it is not there', () => {
    expect(ListQueueCommand.create({ queue: 'nowhere', limit: 20 }).queue).toBe('nowhere');
  });

  it('refuses a page size outside 1–100 with the sentence clients know', () => {
    for (const limit of [0, 101, 1.5]) {
      const refusal = refusalOf(() => ListQueueCommand.create({ queue: 'central', limit }));
      expect(refusal.detail).toBe('limit must be 1–100.');
      expect(refusal.errors.map((e) => e.field)).toEqual(['limit']);
    }
  });

  it('names each filter at fault', () => {
    const refusal = refusalOf(() => ListQueueCommand.create({ queue: 'central', track: 'local' as never, dataSource: 'LPR', dueBefore: 'tomorrow' as never, atRisk: 'maybe' as never, limit: 20 }));
    expect(refusal.detail).toBe('The request has 4 problems: track, dataSource, dueBefore, atRisk.');
  });
});
