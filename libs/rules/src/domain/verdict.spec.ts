import { combineVerdicts } from './verdict';

describe('combineVerdicts', () => {
  it('approves when there are no findings', () => {
    expect(combineVerdicts([])).toBe('approve');
  });

  it('approves when every finding approves', () => {
    expect(combineVerdicts([{ verdict: 'approve' }, { verdict: 'approve' }])).toBe('approve');
  });

  it('abstains when any finding abstains, even next to a deny', () => {
    expect(combineVerdicts([{ verdict: 'deny' }, { verdict: 'abstain' }, { verdict: 'approve' }])).toBe('abstain');
  });

  it('denies when a finding denies and none abstains', () => {
    expect(combineVerdicts([{ verdict: 'approve' }, { verdict: 'deny' }])).toBe('deny');
  });
});
