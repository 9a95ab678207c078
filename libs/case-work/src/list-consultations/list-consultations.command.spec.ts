import { refusalOf } from '../testing/refusal-of';
import { ListConsultationsCommand } from './list-consultations.command';

describe('ListConsultationsCommand', () => {
  it('takes a page size with an optional state, case and cursor', () => {
    expect(ListConsultationsCommand.create({ limit: 20 })).toMatchObject({ limit: 20 });
    expect(ListConsultationsCommand.create({ state: 'open', caseId: '6f1c2a4e-0b7d-4c1e-9a3f-2d5e8b9c0a11', limit: 100, cursor: 'abc' })).toMatchObject({ state: 'open', limit: 100 });
  });

  it('refuses an unknown state and a case that is not an id with the sentences clients know', () => {
    expect(refusalOf(() => ListConsultationsCommand.create({ state: 'closed' as never, limit: 20 }))).toEqual({
      detail: 'state must be one of open, answered, lapsed.',
      errors: [{ field: 'state', messages: ['must be one of open, answered, lapsed'] }],
    });
    expect(refusalOf(() => ListConsultationsCommand.create({ caseId: 'EK-2026-000001', limit: 20 }))).toEqual({
      detail: 'caseId must be a case id.',
      errors: [{ field: 'caseId', messages: ['must be a case id'] }],
    });
  });

  it('refuses a page size outside 1–100', () => {
    for (const limit of [0, 101, 2.5, '20', undefined]) {
      const refusal = refusalOf(() => ListConsultationsCommand.create({ limit } as never));
      expect(refusal.detail).toBe('The request has 1 problem: limit.');
      expect(refusal.errors.map((e) => e.field)).toEqual(['limit']);
    }
  });
});
