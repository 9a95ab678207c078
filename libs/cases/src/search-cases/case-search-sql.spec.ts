import { prefixQuery } from './case-search-sql';

describe('case search query text', () => {
  it('turns words into required prefixes, Danish letters included', () => {
    expect(prefixQuery('Stroke  rehabilitering i Århus')).toBe('stroke:* & rehabilitering:* & i:* & århus:*');
  });
  it('lets no tsquery syntax through', () => {
    expect(prefixQuery("a' | !b & (c:*)")).toBe('a:* & b:* & c:*');
    expect(prefixQuery('&|!():*')).toBeUndefined();
  });
});
