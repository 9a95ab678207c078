import { refusalOf } from '../testing/refusal-of';
import { AnswerConsultationCommand } from './answer-consultation.command';

describe('AnswerConsultationCommand', () => {
  const valid = { consultationId: '6f1c2a4e-0b7d-4c1e-9a3f-2d5e8b9c0a11', answer: 'The cohort is feasible.' };

  it('accepts an answer to any consultation id (one that is no consultation is not found later)', () => {
    expect(AnswerConsultationCommand.create(valid)).toMatchObject(valid);
    expect(AnswerConsultationCommand.create({ ...valid, consultationId: 'not-an-id', expectedVersion: 4 }).consultationId).toBe('not-an-id');
  });

  it('refuses an empty, blank or overlong answer with the sentence clients know', () => {
    for (const answer of ['', '  ', 'x'.repeat(20001), undefined]) {
      expect(refusalOf(() => AnswerConsultationCommand.create({ ...valid, answer } as never))).toEqual({
        detail: 'answer must be text of at most 20000 characters.',
        errors: [{ field: 'answer', messages: ['must be non-empty text'] }],
      });
    }
  });
});
