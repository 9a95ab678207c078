import { OperatorDefinition } from './operator-registry';

interface PatternValue {
  pattern: string;
  flags?: string;
}

function toRegExp(value: unknown): RegExp {
  if (typeof value === 'string') return new RegExp(value, 'u');
  const v = value as PatternValue;
  return new RegExp(v.pattern, `${(v.flags ?? '').replace(/[gyu]/g, '')}u`);
}

/** Compiled patterns are cached: rule values are immutable once a plugin version is loaded. */
const cache = new Map<string, RegExp>();
function cached(value: unknown): RegExp {
  const key = JSON.stringify(value);
  let re = cache.get(key);
  if (!re) {
    re = toRegExp(value);
    cache.set(key, re);
  }
  return re;
}

function checkPattern(value: unknown): string | undefined {
  const shapeOk =
    typeof value === 'string' ||
    (typeof value === 'object' &&
      value !== null &&
      typeof (value as PatternValue).pattern === 'string' &&
      ['undefined', 'string'].includes(typeof (value as PatternValue).flags));
  if (!shapeOk) return 'value must be a pattern string or {"pattern": string, "flags"?: string}';
  try {
    toRegExp(value);
    return undefined;
  } catch (e) {
    return `invalid regular expression: ${(e as Error).message}`;
  }
}

/** Regular-expression match on a string fact; a non-string fact never matches. */
export const regexOperators: OperatorDefinition[] = [
  {
    name: 'matchesPattern',
    description: 'fact (string) matches the regular expression',
    evaluate: (fact, value) => typeof fact === 'string' && cached(value).test(fact),
    checkValue: checkPattern,
  },
  {
    name: 'doesNotMatchPattern',
    description: 'fact is not a string matching the regular expression',
    evaluate: (fact, value) => !(typeof fact === 'string' && cached(value).test(fact)),
    checkValue: checkPattern,
  },
];
