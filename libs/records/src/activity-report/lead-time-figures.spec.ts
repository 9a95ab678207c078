import { leadTimeFigures } from './lead-time-figures';

describe('lead time figures', () => {
  it('gives no median or p90 without decisions', () => {
    expect(leadTimeFigures([])).toEqual({ count: 0, medianDays: null, p90Days: null });
  });

  it('takes the middle value of an odd count and the mean of the two middle values of an even count', () => {
    expect(leadTimeFigures([30, 10, 20]).medianDays).toBe(20);
    expect(leadTimeFigures([40, 10, 20, 30]).medianDays).toBe(25);
  });

  it('takes the 90th percentile by nearest rank', () => {
    const tenDays = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(leadTimeFigures(tenDays).p90Days).toBe(9);
    expect(leadTimeFigures([...tenDays, 11]).p90Days).toBe(10);
    expect(leadTimeFigures([7]).p90Days).toBe(7);
  });
});
