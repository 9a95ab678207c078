import { refusalOf } from '../testing/refusal-of';
import { ListConsultationsCommand } from './list-consultations.command';

describe('ListConsultationsCommand', () => {
  it('pages 20 at a time unless told otherwise, with an optional state, case and cursor', () => {
    expect(ListConsultationsCommand.create({} as never).limit).toBe(20);
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
    for (const limit of [0, 101, 2.5, '20']) {
      expect(refusalOf(() => ListConsultationsCommand.create({ limit } as never))).toEqual({ detail: 'The request has 1 problem: limit.', errors: [{ field: 'limit', messages: ['must be 1–100'] }] });
    }
  });
});
