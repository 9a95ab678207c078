import { NewNotification } from './notification';
import { InvalidNotificationError, validateNewNotification } from './validate-notification';

const valid: NewNotification = {
  to: { sub: 'researcher-1' },
  kind: 'supplement_requested',
  caseNumber: 'EK-2026-000001',
  title: { da: 'Anmodning om supplering', en: 'Request for supplement' },
  body: { da: 'Besvar venligst.', en: 'Please answer.' },
};

function problemsOf(input: unknown): string[] {
  try {
    validateNewNotification(input as NewNotification);
  } catch (error) {
    if (error instanceof InvalidNotificationError) return error.problems;
    throw error;
  }
  return [];
}

describe('validateNewNotification', () => {
  it('accepts a notice to a person and one to a role scoped to a region', () => {
    expect(problemsOf(valid)).toEqual([]);
    expect(problemsOf({ ...valid, to: { role: 'advisor', region: 'region-midtjylland' } })).toEqual([]);
  });

  it('refuses a notice without both languages, naming the missing text', () => {
    expect(problemsOf({ ...valid, body: { da: 'Besvar venligst.', en: ' ' } })).toEqual(['body.en is required']);
  });

  it('refuses a recipient that is both a person and a role, or an unknown role', () => {
    expect(problemsOf({ ...valid, to: { sub: 'x', role: 'caseworker' } })).toEqual(['to is either { sub } or { role, organisation?, region? }']);
    expect(problemsOf({ ...valid, to: { role: 'janitor' } })).toEqual(['to.role must be a known role']);
  });

  it('refuses a kind that is not a snake_case code and a case id that is not a UUID', () => {
    expect(problemsOf({ ...valid, kind: 'Deadline At Risk', caseId: 'EK-2026-000001' })).toEqual(['kind must be a snake_case code', 'caseId must be a UUID']);
  });
});
