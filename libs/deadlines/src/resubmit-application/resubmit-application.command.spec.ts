import { ValidationFailedError } from '@kp/errors';
import { MAX_ANSWER_LENGTH } from '../domain/supplement-request';
import { ResubmitApplicationCommand } from './resubmit-application.command';

const applicationId = '4f1c2a8e-0000-4000-8000-000000000001';

function refusal(data: unknown): ValidationFailedError {
  try {
    ResubmitApplicationCommand.create(data as never);
  } catch (error) {
    return error as ValidationFailedError;
  }
  throw new Error('the command was accepted');
}

describe('ResubmitApplicationCommand', () => {
  it('accepts a resubmission with or without an answer', () => {
    expect(ResubmitApplicationCommand.create({ applicationId })).toMatchObject({ applicationId });
    expect(ResubmitApplicationCommand.create({ applicationId, expectedVersion: 4, answer: 'See section 3.' })).toMatchObject({ expectedVersion: 4, answer: 'See section 3.' });
  });

  it('accepts an answer whose trimmed text fits: it is stored trimmed', () => {
    expect(ResubmitApplicationCommand.create({ applicationId, answer: `  ${'x'.repeat(MAX_ANSWER_LENGTH)}  ` }).answer).toHaveLength(MAX_ANSWER_LENGTH + 4);
  });

  it('refuses an answer that is too long', () => {
    const error = refusal({ applicationId, answer: 'x'.repeat(MAX_ANSWER_LENGTH + 1) });
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect(error.detail).toBe('The answer is too long.');
    expect(error.params.errors).toEqual([{ field: 'answer', messages: [`at most ${MAX_ANSWER_LENGTH} characters`], rule: 'at-most-characters', args: { max: MAX_ANSWER_LENGTH } }]);
  });

  it('refuses an answer that is not text without calling it too long', () => {
    const error = refusal({ applicationId, answer: 42 });
    expect(error.detail).toBe('The request has 1 problem: answer.');
  });
});
