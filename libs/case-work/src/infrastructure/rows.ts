/** Maps snake_case rows to camelCase records; the SQL stays readable and the domain stays plain. */
export function camel<T>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())] = value;
  return out as T;
}

export const rowsOf = <T>(rows: Record<string, unknown>[]): T[] => rows.map((row) => camel<T>(row));

export const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);
