import { NewNotification } from './notification';
import { InvalidNotificationError, quoteInNotice, validateNewNotification } from './validate-notification';

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

  it('quotes a person’s long text in a notice only as far as a body may be long, pointing to the case', () => {
    expect(quoteInNotice('Kort begrundelse')).toEqual({ da: 'Kort begrundelse', en: 'Kort begrundelse' });
    const long = quoteInNotice('x'.repeat(20000));
    expect(long.da).toBe(`${'x'.repeat(3000)}… (hele teksten står på sagen)`);
    expect(long.en.endsWith('… (the whole text is on the case)')).toBe(true);
    expect(problemsOf({ ...valid, body: { da: `Intro\n${long.da}`, en: `Intro\n${long.en}` } })).toEqual([]);
  });
});
