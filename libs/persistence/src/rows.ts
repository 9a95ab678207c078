/**
 * Column name → field name, worked out once per name: a queue page maps 50 rows of 16 columns,
 * and a regular expression per column of every row was ≈ 1.5 ms of each page's CPU (issue 17).
 * Names come from our own SQL, a few hundred at most; the bound only guards against a caller
 * that aliases columns from data.
 */
const fieldNames = new Map<string, string>();
const MAX_FIELD_NAMES = 10_000;

function fieldName(column: string): string {
  let name = fieldNames.get(column);
  if (name === undefined) {
    name = column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    if (fieldNames.size >= MAX_FIELD_NAMES) fieldNames.clear();
    fieldNames.set(column, name);
  }
  return name;
}

/** Maps snake_case rows to camelCase records; the SQL stays readable and the domain stays plain. */
export function camel<T>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const column of Object.keys(row)) out[fieldName(column)] = row[column];
  return out as T;
}

export const rowsOf = <T>(rows: Record<string, unknown>[]): T[] => rows.map((row) => camel<T>(row));
