import { InvalidAuditEventError, validateNewAuditEvent } from './validate-event';

const valid = {
  actor: { sub: 'u-1', role: 'caseworker' },
  action: 'decision.issued',
  subject: { type: 'sub_case', id: 's-1' },
  payload: {},
};

describe('validateNewAuditEvent', () => {
  it('accepts an event that names who did what to which object', () => {
    expect(() => validateNewAuditEvent(valid)).not.toThrow();
  });

  it('names every missing or malformed field', () => {
    const attempt = () =>
      validateNewAuditEvent({ ...valid, actor: { sub: '', role: 'x' }, action: 'Issued', subject: { type: 'case', id: ' ' } });
    expect(attempt).toThrow(InvalidAuditEventError);
    try {
      attempt();
    } catch (error) {
      expect((error as InvalidAuditEventError).problems).toEqual([
        'actor.sub must be a non-empty string',
        'action must be dotted lower case, e.g. "decision.issued"',
        'subject.id must be a non-empty string',
      ]);
    }
  });
});
