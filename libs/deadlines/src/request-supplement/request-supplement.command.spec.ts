import { FieldError, ValidationFailedError } from '@kp/errors';
import { MAX_QUESTION_LENGTH, MAX_QUESTIONS } from '../domain/supplement-request';
import { RequestSupplementCommand } from './request-supplement.command';

const valid = { caseId: 'EK-2026-000001', questions: ['Which cohort?', 'Why this period?'] };

function refusal(data: unknown): ValidationFailedError {
  try {
    RequestSupplementCommand.create(data as never);
  } catch (error) {
    return error as ValidationFailedError;
  }
  throw new Error('the command was accepted');
}

describe('RequestSupplementCommand', () => {
  it('accepts 1 to 20 questions, with an optional sub-case and version', () => {
    const command = RequestSupplementCommand.create({ ...valid, subCaseId: '4f1c2a8e-0000-4000-8000-000000000001', expectedVersion: 3 });
    expect(command).toMatchObject({ caseId: 'EK-2026-000001', questions: ['Which cohort?', 'Why this period?'], expectedVersion: 3 });
  });

  it('refuses no questions, and too many, naming the list', () => {
    for (const questions of [[], Array.from({ length: MAX_QUESTIONS + 1 }, (_, i) => `Question ${i}?`), undefined]) {
      const error = refusal({ ...valid, questions });
      expect(error).toBeInstanceOf(ValidationFailedError);
      expect(error.detail).toBe('The request has 1 invalid field.');
      expect(error.params.errors).toEqual([{ field: 'questions', messages: [`ask 1 to ${MAX_QUESTIONS} questions`], rule: 'question-count', args: { max: MAX_QUESTIONS } }]);
    }
  });

  it('refuses a blank question and one too long, each by its index', () => {
    const error = refusal({ ...valid, questions: ['Fine?', '   ', 'x'.repeat(MAX_QUESTION_LENGTH + 1), 42] });
    expect(error.detail).toBe('The request has 3 invalid fields.');
    expect(error.params.errors).toEqual([
      { field: 'questions[1]', messages: ['a question cannot be empty'], rule: 'question-empty' },
      { field: 'questions[2]', messages: [`at most ${MAX_QUESTION_LENGTH} characters`], rule: 'at-most-characters', args: { max: MAX_QUESTION_LENGTH } },
      { field: 'questions[3]', messages: ['a question cannot be empty'], rule: 'question-empty' },
    ]);
  });

  it('refuses a sub-case that is not a uuid, and a case reference that is not text', () => {
    const error = refusal({ ...valid, caseId: 42, subCaseId: 'part-1' });
    expect((error.params.errors as FieldError[]).map((e) => e.field)).toEqual(['caseId', 'subCaseId']);
    expect(error.detail).toBe('The request has 2 invalid fields.');
  });
});
