import fc from 'fast-check';

/**
 * A value put into a request where a valid one was. `raw` is JSON text spliced in as it is (what
 * JSON.stringify cannot write: numbers past double precision, `__proto__` as an own key, nesting
 * deeper than the stack).
 */
export type Hostile = { kind: string; value: unknown } | { kind: string; raw: string };

const nest = (depth: number, open: string, close: string, inner = '1') => `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

/** Strings that pass a type check and go on to the use case, the database and the log. */
const UNICODE_EDGES: [string, string][] = [
  ['lone high surrogate', 'abc\uD800def'],
  ['lone low surrogate', '\uDC00'],
  ['reversed surrogate pair', '\uDE00\uD83D'],
  ['NUL', 'before\u0000after'],
  ['only NUL', '\u0000'],
  ['right-to-left override', 'approved\u202Edevorppa'],
  ['right-to-left mark', '\u200Fمرحبا'],
  ['zero-width space and joiner', 'a\u200Bb\u200Dc\uFEFF'],
  ['emoji with ZWJ sequences', '👩‍🔬🧬🏳️‍🌈'],
  ['combining marks', 'Z̷̢͔a̶l̸g̵o̴'],
  ['full-width digits', '２９１９０９２５'],
  ['non-characters', '\uFFFE\uFFFF'],
  ['Danish letters', 'Æblegrød på Ærø'],
  ['control characters', '\u0001\u0007\u001B[31m\u007F'],
  ['line separators', 'a\u2028b\u2029c\r\n'],
  ['SQL', "x'); DROP TABLE audit_event; --"],
  ['template and markup', '${7*7}{{7*7}}<script>alert(1)</script>'],
  ['percent and path', '../../etc/passwd%00%2e%2e'],
  ['empty', ''],
  ['whitespace', ' \t\n '],
  ['not-a-date', '0000-00-00T25:61:61Z'],
  ['year 0', '0000-01-01T00:00:00Z'],
  ['far future date', '+275760-09-13T00:00:00.000Z'],
  ['impossible date', '2026-02-30'],
  ['leap second', '2026-12-31T23:59:60Z'],
  ['NaN text', 'NaN'],
  ['Infinity text', '-Infinity'],
];

const RAW: [string, string][] = [
  ['number past double precision', '123456789012345678901234567890123456789'],
  ['overflowing exponent', '1e999'],
  ['negative overflowing exponent', '-1e999'],
  ['underflowing exponent', '1e-999'],
  ['negative zero', '-0'],
  ['__proto__ object', '{"__proto__":{"admin":true,"role":"admin"}}'],
  ['constructor.prototype', '{"constructor":{"prototype":{"admin":true}}}'],
  ['40 levels of arrays', nest(40, '[', ']')],
  ['40 levels of objects', nest(40, '{"a":', '}')],
  ['5,000 levels of arrays', nest(5000, '[', ']')],
];

/** Reports name the kind, not the value (a 120 kB string would drown the report); the seed reproduces the value. */
const named = (h: Hostile): Hostile => Object.assign(h, { [fc.toStringMethod]: () => `<${h.kind}>` });

export function hostileValue(): fc.Arbitrary<Hostile> {
  return fc.oneof(
    fc.constantFrom(...UNICODE_EDGES).map(([kind, value]) => ({ kind, value })),
    fc.constantFrom(...RAW).map(([kind, raw]) => ({ kind, raw })),
    fc.oneof(
      fc.constant<Hostile>({ kind: 'null', value: null }),
      fc.boolean().map((value): Hostile => ({ kind: 'boolean', value })),
      fc.integer().map((value): Hostile => ({ kind: 'integer', value })),
      fc.constantFrom(-1, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 1.5, 0).map((value): Hostile => ({ kind: 'edge number', value })),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((value): Hostile => ({ kind: 'double', value })),
      fc.array(fc.string(), { maxLength: 3 }).map((value): Hostile => ({ kind: 'array of strings', value })),
      fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }).map((value): Hostile => ({ kind: 'object', value })),
    ),
    fc.oneof(
      fc.integer({ min: 1_000, max: 20_000 }).map((n): Hostile => ({ kind: `string of ${n}`, value: 'å'.repeat(n) })),
      fc.constant<Hostile>({ kind: 'string over the body limit', value: 'x'.repeat(120_000) }),
      fc.array(fc.constant('item'), { minLength: 500, maxLength: 2_000 }).map((value): Hostile => ({ kind: `array of ${value.length}`, value })),
    ),
    fc.string({ unit: 'binary', maxLength: 40 }).map((value): Hostile => ({ kind: 'random unicode', value })),
    fc.string({ maxLength: 30 }).map((value): Hostile => ({ kind: 'random ascii', value })),
  ).map(named);
}

/** A hostile value as text for a path segment or a header (where only strings go). */
export function hostileText(h: Hostile): string {
  if ('raw' in h) return h.raw;
  return typeof h.value === 'string' ? h.value : JSON.stringify(h.value) ?? 'undefined';
}

/** Puts `h` at `path` (a.b[0].c; '' is the whole body) in a copy of `body` and returns the JSON text. */
export function bodyWith(body: unknown, path: string, h: Hostile): string {
  const MARK = 'kp-hostile-value-7f3a';
  const copy = JSON.parse(JSON.stringify(body ?? {}));
  const value = 'raw' in h ? MARK : h.value;
  if (path === '') return 'raw' in h ? h.raw : JSON.stringify(value);
  if (path.startsWith('+')) {
    // A key the DTO does not declare, as an own key of the body (`__proto__` cannot be set as one from JS).
    const text = JSON.stringify(copy);
    const member = `${JSON.stringify(path.slice(1))}:${'raw' in h ? h.raw : JSON.stringify(value)}`;
    return text === '{}' ? `{${member}}` : `{${member},${text.slice(1)}`;
  }
  const keys = path.match(/[^.[\]]+/g)!;
  let at: Record<string, unknown> = copy;
  keys.slice(0, -1).forEach((key, i) => {
    if (typeof at[key] !== 'object' || at[key] === null) at[key] = /^\d+$/.test(keys[i + 1]) ? [] : {};
    at = at[key] as Record<string, unknown>;
  });
  at[keys[keys.length - 1]] = value;
  const text = JSON.stringify(copy);
  return 'raw' in h ? text.replace(JSON.stringify(MARK), () => h.raw) : text;
}
