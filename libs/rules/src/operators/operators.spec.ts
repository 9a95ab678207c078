import { defaultOperatorRegistry } from './default-operators';
import { dateOperators } from './date-operators';
import { regexOperators } from './regex-operators';
import { setOperators } from './set-operators';
import { addMonths, withinMonths } from './within-months';

const op = (list: { name: string; evaluate: (a: unknown, b: unknown) => boolean }[], name: string) => list.find((o) => o.name === name)!.evaluate;

describe('date operators', () => {
  it('compare ISO dates and never match a missing date', () => {
    expect(op(dateOperators, 'dateBefore')('2029-01-31', '2029-06-30')).toBe(true);
    expect(op(dateOperators, 'dateBefore')('2029-06-30', '2029-06-30')).toBe(false);
    expect(op(dateOperators, 'dateOnOrBefore')('2029-06-30', '2029-06-30')).toBe(true);
    expect(op(dateOperators, 'dateAfter')('2030-01-01', '2029-06-30')).toBe(true);
    expect(op(dateOperators, 'dateOnOrAfter')(null, '2029-06-30')).toBe(false);
    expect(op(dateOperators, 'dateBefore')('not a date', '2029-06-30')).toBe(false);
  });
});

describe('withinMonths', () => {
  it('clamps to the end of a shorter month', () => {
    expect(new Date(addMonths(Date.parse('2028-01-31'), 1)).toISOString().slice(0, 10)).toBe('2028-02-29');
  });

  it('accepts a span ending on the margin and refuses one a day later', () => {
    expect(withinMonths.evaluate({ from: '2028-12-31', to: '2029-12-31' }, 12)).toBe(true);
    expect(withinMonths.evaluate({ from: '2028-12-31', to: '2030-01-01' }, 12)).toBe(false);
    expect(withinMonths.evaluate({ from: null, to: '2029-01-01' }, 12)).toBe(false);
  });

  it('checks its value at load time', () => {
    expect(withinMonths.checkValue!(12)).toBeUndefined();
    expect(withinMonths.checkValue!('12')).toMatch(/whole number/);
  });
});

describe('set membership', () => {
  it('tolerates null facts and compares arrays', () => {
    expect(op(setOperators, 'isOneOf')('DK', ['DK', 'SE'])).toBe(true);
    expect(op(setOperators, 'isOneOf')(null, ['DK'])).toBe(false);
    expect(op(setOperators, 'isNoneOf')('US', ['DK', 'SE'])).toBe(true);
    expect(op(setOperators, 'intersects')(['cpr', 'diagnosis'], ['cpr'])).toBe(true);
    expect(op(setOperators, 'intersects')('cpr', ['cpr'])).toBe(false);
  });
});

describe('regex match', () => {
  it('matches with flags and rejects an invalid pattern at load time', () => {
    const matches = op(regexOperators, 'matchesPattern');
    expect(matches('Modeller for FORSIKRINGSSELSKABER', { pattern: '\\bforsikring\\w*', flags: 'i' })).toBe(true);
    expect(matches(42, 'x')).toBe(false);
    expect(regexOperators[0].checkValue!({ pattern: '(' })).toMatch(/invalid regular expression/);
  });
});

describe('operator registry', () => {
  const registry = defaultOperatorRegistry();

  it('recognises decorated forms of built-in and custom operators', () => {
    expect(registry.resolve('someFact:equal').problem).toBeUndefined();
    expect(registry.resolve('not:withinMonths').problem).toBeUndefined();
    expect(registry.resolve('everyFact:not:isOneOf').problem).toBeUndefined();
  });

  it('names an unknown operator or decorator', () => {
    expect(registry.resolve('fuzzyEqual').problem).toBe('unknown operator "fuzzyEqual"');
    expect(registry.resolve('someFact:fuzzyEqual').problem).toBe('unknown operator "fuzzyEqual" in "someFact:fuzzyEqual"');
    expect(registry.resolve('mostFacts:equal').problem).toBe('unknown operator decorator "mostFacts" in "mostFacts:equal"');
  });
});
