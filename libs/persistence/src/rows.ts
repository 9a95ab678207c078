/** Maps snake_case rows to camelCase records; the SQL stays readable and the domain stays plain. */
export function camel<T>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())] = value;
  return out as T;
}

export const rowsOf = <T>(rows: Record<string, unknown>[]): T[] => rows.map((row) => camel<T>(row));
