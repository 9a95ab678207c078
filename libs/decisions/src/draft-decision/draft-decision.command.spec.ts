import { FieldError, ValidationFailedError } from '@kp/errors';
import { DraftDecisionCommand } from './draft-decision.command';

const valid = {
  caseId: 'EK-2026-000001',
  subCaseId: '4f1c2a8e-0000-4000-8000-000000000001',
  outcome: 'approved_with_conditions' as const,
  legalBasis: 'EHDS art. 68; databeskyttelsesloven § 10',
  reasoning: 'The purpose is covered by EHDS art. 53(1)(e).',
  conditions: ['Results are published in aggregate only.'],
};

function refusal(data: unknown): ValidationFailedError {
  try {
    DraftDecisionCommand.create(data as never);
  } catch (error) {
    return error as ValidationFailedError;
  }
  throw new Error('the command was accepted');
}

describe('DraftDecisionCommand', () => {
  it('accepts a statement with outcome, legal basis, reasoning and conditions, a departure reason and a version optional', () => {
    expect(DraftDecisionCommand.create(valid)).toMatchObject(valid);
    expect(DraftDecisionCommand.create({ ...valid, conditions: [], departureReason: 'The engine missed the consent.', expectedVersion: 2 })).toMatchObject({ departureReason: 'The engine missed the consent.', expectedVersion: 2 });
  });

  it('refuses an unknown outcome, an empty reasoning, no legal basis and an empty condition, naming each field', () => {
    const error = refusal({ ...valid, outcome: 'maybe', reasoning: '', legalBasis: undefined, conditions: ['fine', ''] });
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect(error.detail).toBe('The draft has 4 problems: outcome, reasoning, conditions, legalBasis.');
    const errors = error.params.errors as FieldError[];
    expect(errors.find((e) => e.field === 'outcome')?.messages).toEqual(['outcome must be one of the following values: approved, approved_with_conditions, rejected']);
    expect(errors.find((e) => e.field === 'conditions')?.messages).toEqual(['each value in conditions should not be empty']);
  });

  it('refuses text beyond its limits', () => {
    const error = refusal({ ...valid, reasoning: 'x'.repeat(20001), legalBasis: 'x'.repeat(2001), departureReason: 'x'.repeat(5001), conditions: Array.from({ length: 51 }, () => 'c') });
    expect((error.params.errors as FieldError[]).map((e) => e.field).sort()).toEqual(['conditions', 'departureReason', 'legalBasis', 'reasoning']);
  });
});
