import { describe, expect, it } from 'vitest';
import { decisionOf } from './AuditPage';

const entry = (action: string, payload?: Record<string, unknown>) => ({ seq: 7, at: '2026-03-02T10:00:00Z', action, subject: { type: 'sub_case', id: 'b5d1' }, payload: payload as Record<string, never> | undefined });

describe('the decision an audit event explains', () => {
  it('is the decisionId in the payload of an issued or corrected decision (the subject is the sub-case)', () => {
    expect(decisionOf(entry('decision.issued', { decisionId: '6f0c', subCaseId: 'b5d1' }))).toBe('6f0c');
    expect(decisionOf(entry('decision.corrected', { decisionId: '7a11' }))).toBe('7a11');
  });
  it('is none for other events, or when the payload is not shown (the applicant’s view)', () => {
    expect(decisionOf(entry('case.screened', { decisionId: '6f0c' }))).toBeUndefined();
    expect(decisionOf(entry('decision.issued'))).toBeUndefined();
  });
});
