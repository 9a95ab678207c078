import { FieldError, ValidationFailedError } from '@kp/errors';
import { RecommendCommand } from './recommend.command';

const valid = { caseId: 'EK-2026-000001', subCaseId: '4f1c2a8e-0000-4000-8000-000000000001', outcome: 'rejected' as const, reasoning: 'No legal basis for the linkage.', conditions: [] };

describe('RecommendCommand', () => {
  it('accepts a recommendation without a legal basis: the controller gives it when it decides', () => {
    expect(RecommendCommand.create(valid)).toMatchObject(valid);
  });

  it('refuses a recommendation without reasoning, calling it a recommendation', () => {
    let error: ValidationFailedError | undefined;
    try {
      RecommendCommand.create({ ...valid, reasoning: undefined } as never);
    } catch (e) {
      error = e as ValidationFailedError;
    }
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect(error!.detail).toBe('The recommendation has 1 problem: reasoning.');
    expect((error!.params.errors as FieldError[])[0].field).toBe('reasoning');
  });
});
