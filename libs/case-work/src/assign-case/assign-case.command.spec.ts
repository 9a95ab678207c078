import { refusalOf } from '../testing/refusal-of';
import { AssignCaseCommand } from './assign-case.command';

describe('AssignCaseCommand', () => {
  const valid = { caseId: 'EK-2026-000001', assignee: 'cw-2', expectedVersion: 3 };

  it('accepts a case, a subject and an optional version', () => {
    expect(AssignCaseCommand.create(valid)).toMatchObject(valid);
    expect(AssignCaseCommand.create({ caseId: valid.caseId, assignee: 'cw-2' }).expectedVersion).toBeUndefined();
  });

  it('refuses a blank, overlong or missing assignee with the sentence clients know', () => {
    for (const assignee of ['   ', 'x'.repeat(201), undefined, 42]) {
      expect(refusalOf(() => AssignCaseCommand.create({ ...valid, assignee } as never))).toEqual({
        detail: 'assignee must be the subject of a caseworker or legal approver.',
        errors: [{ field: 'assignee', messages: ['must be a subject'] }],
      });
    }
  });

  it('names every field at fault when more than the assignee is wrong', () => {
    expect(refusalOf(() => AssignCaseCommand.create({ caseId: '', assignee: '', expectedVersion: -1 })).detail).toBe('The assignment has 3 problems: caseId, expectedVersion, assignee.');
  });
});
