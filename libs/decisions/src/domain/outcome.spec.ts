import { departsFromEngine } from './outcome';

describe('departure from the engine verdict', () => {
  it('counts an approval against a deny verdict, and a rejection against an approve verdict, as departures', () => {
    expect(departsFromEngine('approved', 'deny')).toBe(true);
    expect(departsFromEngine('approved_with_conditions', 'deny')).toBe(true);
    expect(departsFromEngine('rejected', 'approve')).toBe(true);
  });

  it('does not count agreeing outcomes, or any outcome on an abstain, as departures', () => {
    expect(departsFromEngine('approved', 'approve')).toBe(false);
    expect(departsFromEngine('approved_with_conditions', 'approve')).toBe(false);
    expect(departsFromEngine('rejected', 'deny')).toBe(false);
    expect(departsFromEngine('rejected', 'abstain')).toBe(false);
    expect(departsFromEngine('approved', 'abstain')).toBe(false);
  });
});
