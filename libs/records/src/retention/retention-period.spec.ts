import { closedAt, retentionEndsAt } from './retention-period';

describe('retention period', () => {
  const d = (iso: string) => new Date(iso);

  it('counts a withdrawn case from its withdrawal', () => {
    expect(closedAt({ state: 'withdrawn', decidedAt: null, withdrawnAt: d('2026-02-05T09:00:00Z'), permits: [] })).toEqual(d('2026-02-05T09:00:00Z'));
  });

  it('counts a decided case from the decision when no permit was issued, else from the end of its last permit', () => {
    expect(closedAt({ state: 'decided', decidedAt: d('2026-03-04T09:00:00Z'), withdrawnAt: null, permits: [] })).toEqual(d('2026-03-04T09:00:00Z'));
    const ended = { state: 'expired', issuedAt: d('2026-03-04T09:00:00Z'), endedAt: d('2028-12-31T23:00:00Z') };
    expect(closedAt({ state: 'decided', decidedAt: d('2026-03-04T09:00:00Z'), withdrawnAt: null, permits: [ended] })).toEqual(d('2028-12-31T23:00:00Z'));
  });

  it('does not count an open case or one whose permit still runs', () => {
    expect(closedAt({ state: 'in_review', decidedAt: null, withdrawnAt: null, permits: [] })).toBeNull();
    expect(closedAt({ state: 'decided', decidedAt: d('2026-03-04T09:00:00Z'), withdrawnAt: null, permits: [{ state: 'active', issuedAt: d('2026-03-04T09:00:00Z'), endedAt: null }] })).toBeNull();
  });

  it('keeps the data through the anniversary day, Danish time', () => {
    // Closed 5 February 2026 at 10:00 in Copenhagen; five years: kept through 5 February 2031.
    expect(retentionEndsAt(d('2026-02-05T09:00:00Z'), 5)).toEqual(d('2031-02-05T23:00:00Z'));
    // Summer time: the Danish day starts at 22:00 UTC.
    expect(retentionEndsAt(d('2026-06-10T12:00:00Z'), 1)).toEqual(d('2027-06-10T22:00:00Z'));
  });
});
