import { escapeLiteral } from 'pg';
// pg's own conversion of a parameter to the text it sends (Dates, arrays, JSON); not in @types/pg.
const { prepareValue } = require('pg/lib/utils') as { prepareValue(value: unknown): string | null | undefined };

/**
 * A statement with its `$n` parameters written in as literals, for a simple-query message (which
 * carries no parameters): each is the very text pg would have sent for it (`prepareValue`), quoted
 * by `escapeLiteral`, so an untyped parameter and the quoted literal are both of unknown type to
 * PostgreSQL and the statement means what it meant with parameters. Refuses a missing parameter
 * and text holding NUL (PostgreSQL text cannot), where the caller is.
 */
export function inlineParameters(sql: string, parameters: readonly unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= parameters.length) throw new RangeError(`no parameter $${n} for the statement`);
    const text = prepareValue(parameters[index]);
    if (text === null || text === undefined) return 'NULL';
    if (String(text).includes('\0')) throw new RangeError(`parameter $${n} holds a NUL character, which PostgreSQL text cannot`);
    return escapeLiteral(String(text));
  });
}

/**
 * Whether `inlineParameters` gives a statement that means what it meant with parameters: no `$`
 * inside a literal or a dollar-quoted body (it would be misread; E'' strings are not scanned), and
 * no Buffer (bytea is sent as binary).
 */
export function inlinable(sql: string, parameters: readonly unknown[]): boolean {
  // A `$` in a literal or a dollar-quoted body would be misread (and E'' strings are not scanned);
  // Buffers (bytea) are sent as binary.
  const literals = sql.match(/'(?:[^']|'')*'/g) ?? [];
  if (/\bE'/i.test(sql) || literals.some((l) => l.includes('$')) || /\$(?!\d)/.test(sql.replace(/'(?:[^']|'')*'/g, ''))) return false;
  return parameters.every((p) => !Buffer.isBuffer(p));
}
