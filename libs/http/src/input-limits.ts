import type { FieldError } from '@kp/errors';

/** The largest JSON body express.json reads (configure-app.ts); a larger one is answered 413. */
export const REQUEST_BODY_LIMIT = '100kb';

/**
 * The deepest nesting of objects and arrays a request may carry (the deepest DTO nests 4).
 * class-transformer and class-validator recurse through their input, so a 10,000-level body
 * overflowed the stack; deeper input is refused before they see it.
 */
export const MAX_INPUT_DEPTH = 32;

/** A refusal of input that must not reach validation or PostgreSQL. */
export interface UnsafeInput {
  kind: 'too-deep' | 'bad-text';
  error: FieldError;
}

/**
 * NUL, which PostgreSQL refuses in text and jsonb, and a UTF-16 surrogate without its pair, which
 * has no UTF-8 encoding (jsonb refuses its escape; text would silently become U+FFFD).
 */
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const TEXT_MESSAGE = 'must not contain NUL (\\u0000) or a lone UTF-16 surrogate';

export function isSafeText(text: string): boolean {
  return !BAD_TEXT.test(text);
}

/**
 * The first part of a request value (a body, a query object or one parameter, named `name`) that
 * nests deeper than {@link MAX_INPUT_DEPTH} or holds unsafe text in a string or a field name;
 * fields are named by their JSON path, as validation names them. Its recursion stops at the limit.
 */
export function findUnsafeInput(value: unknown, name = ''): UnsafeInput | undefined {
  return walk(value, name, 0);
}

function walk(value: unknown, path: string, depth: number): UnsafeInput | undefined {
  if (typeof value === 'string') return isSafeText(value) ? undefined : badText(path);
  if (value === null || typeof value !== 'object') return undefined;
  if (depth + 1 > MAX_INPUT_DEPTH) {
    return { kind: 'too-deep', error: { field: path || '(body)', messages: [`nests deeper than ${MAX_INPUT_DEPTH} levels`], rule: 'too-deep', args: { max: MAX_INPUT_DEPTH } } };
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = walk(value[index], `${path}[${index}]`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    if (!isSafeText(key)) return badText(field);
    const found = walk(item, field, depth + 1);
    if (found) return found;
  }
  return undefined;
}

const badText = (field: string): UnsafeInput => ({ kind: 'bad-text', error: { field, messages: [TEXT_MESSAGE], rule: 'bad-text' } });
