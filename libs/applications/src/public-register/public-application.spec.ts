import { publicState } from './public-application';

describe('publicState', () => {
  it('publishes only whether an application is being handled, decided or withdrawn', () => {
    expect(['submitted', 'screening', 'in_review', 'awaiting_applicant', 'consultation', 'awaiting_controller'].map(publicState)).toEqual(
      Array(6).fill('received'),
    );
    expect(publicState('decided')).toBe('decided');
    expect(publicState('withdrawn')).toBe('withdrawn');
  });
});
