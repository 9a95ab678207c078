import { findUnsafeInput, isSafeText, MAX_INPUT_DEPTH } from './input-limits';

describe('findUnsafeInput', () => {
  const nestedArrays = (depth: number): unknown => (depth === 0 ? 'x' : [nestedArrays(depth - 1)]);

  it('passes ordinary input: text with paired surrogates, numbers, null, nesting up to the limit', () => {
    expect(findUnsafeInput({ title: 'Stroke 🧠 outcomes', count: 3, none: null, list: [{ a: 'æøå' }] })).toBeUndefined();
    expect(findUnsafeInput({ deep: nestedArrays(MAX_INPUT_DEPTH - 1) })).toBeUndefined();
    expect(findUnsafeInput(undefined)).toBeUndefined();
  });

  it('refuses nesting one level past the limit, naming where it went too deep', () => {
    const found = findUnsafeInput({ deep: nestedArrays(MAX_INPUT_DEPTH) });
    expect(found).toEqual({ kind: 'too-deep', error: { field: `deep${'[0]'.repeat(MAX_INPUT_DEPTH - 1)}`, messages: ['nests deeper than 32 levels'], rule: 'too-deep', args: { max: 32 } } });
  });

  it('stops at the limit, so 100,000 levels cost no deep recursion', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i += 1) deep = { a: deep };
    expect(findUnsafeInput(deep)?.kind).toBe('too-deep');
  });

  it('names the field holding NUL or a lone surrogate by its JSON path, or the parameter', () => {
    expect(findUnsafeInput({ applicant: { name: 'Mette\u0000' } })?.error.field).toBe('applicant.name');
    expect(findUnsafeInput({ dataRequests: [{ population: 'ok' }, { population: '\ud800' }] })?.error.field).toBe('dataRequests[1].population');
    expect(findUnsafeInput(['ok', '\udc00'])?.error.field).toBe('[1]');
    expect(findUnsafeInput({ cursor: 'a\u0000' })?.error.field).toBe('cursor');
    expect(findUnsafeInput('EK\u0000', 'id')).toEqual({ kind: 'bad-text', error: { field: 'id', messages: [expect.stringContaining('NUL')], rule: 'bad-text' } });
  });

  it('refuses NUL in a field name', () => {
    expect(findUnsafeInput({ applicant: { ['na\u0000me']: 'x' } })).toMatchObject({ kind: 'bad-text', error: { field: 'applicant.na\u0000me' } });
  });
});

describe('isSafeText', () => {
  it.each([
    ['a surrogate pair', '😀', true],
    ['plain text', 'Aarhus Universitet', true],
    ['NUL', 'a\u0000b', false],
    ['a high surrogate at the end', 'a\ud83d', false],
    ['a low surrogate alone', '\ude00a', false],
    ['two high surrogates', '\ud83d\ud83d\ude00', false],
  ])('%s: %s', (_, text, safe) => expect(isSafeText(text)).toBe(safe));
});
