import { isInForce, isLawDate, latestBoundary, lawBoundaries } from './in-force';

describe('law in force', () => {
  const ehds = { from: '2029-03-26' };

  it('applies a rule from its first day and not before (EHDS chapter IV from 26 March 2029, art. 105)', () => {
    expect(isInForce(ehds, '2029-03-25')).toBe(false);
    expect(isInForce(ehds, '2029-03-26')).toBe(true);
    expect(isInForce(undefined, '1999-01-01')).toBe(true);
  });

  it('stops applying a rule on its until date', () => {
    const transitional = { until: '2029-03-26' };
    expect(isInForce(transitional, '2029-03-25')).toBe(true);
    expect(isInForce(transitional, '2029-03-26')).toBe(false);
  });

  it('lists the dates the law changes and finds the latest change on or before a date', () => {
    const boundaries = lawBoundaries([{ inForce: { from: '2029-03-26' } }, { inForce: { until: '2029-03-26' } }, { inForce: { from: '2027-01-01', until: '2028-01-01' } }, {}]);
    expect(boundaries).toEqual(['2027-01-01', '2028-01-01', '2029-03-26']);
    expect(latestBoundary(boundaries, '2026-12-31')).toBeUndefined();
    expect(latestBoundary(boundaries, '2028-06-01')).toBe('2028-01-01');
    expect(latestBoundary(boundaries, '2029-03-26')).toBe('2029-03-26');
  });

  it('accepts only real calendar dates as a law date', () => {
    expect(isLawDate('2029-03-26')).toBe(true);
    expect(isLawDate('2029-3-26')).toBe(false);
    expect(isLawDate('26.03.2029')).toBe(false);
  });
});
