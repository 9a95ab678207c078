import type { Schema } from '@kp/client';

/** The application as the form holds it: the API's content, any field possibly absent or half-filled. */
export type Draft = Record<string, unknown>;
export type Content = Schema<'ApplicationContentDto'>;

const steps = (path: string): string[] => path.replace(/\[(\d+)\]/g, '.$1').split('.');

/** The value at an API field path (`dataRequests[0].period.start`). */
export function getAt(draft: unknown, path: string): unknown {
  return steps(path).reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), draft);
}

/** A copy of the draft with the value at the path replaced (objects and arrays created as needed). */
export function setAt(draft: Draft, path: string, value: unknown): Draft {
  const [head, ...rest] = steps(path);
  const assign = (node: unknown, keys: string[]): unknown => {
    const [key, ...more] = keys;
    const container: Record<string, unknown> | unknown[] = Array.isArray(node) ? [...node] : node !== null && typeof node === 'object' ? { ...(node as object) } : /^\d+$/.test(key) ? [] : {};
    (container as Record<string, unknown>)[key] = more.length === 0 ? value : assign((container as Record<string, unknown>)[key], more);
    return container;
  };
  return { ...draft, [head]: rest.length === 0 ? value : assign(draft[head], rest) };
}

/** The top-level content field a path belongs to: PATCH replaces whole top-level fields. */
export const topLevel = (path: string): string => steps(path)[0];

/** Empty strings and empty objects removed; what is left is what the person has entered. */
function prune(value: unknown): unknown {
  if (value === '' || value === undefined) return undefined;
  if (Array.isArray(value)) return value.map((item) => prune(item) ?? {});
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).flatMap(([key, item]) => {
      const pruned = prune(item);
      return pruned === undefined ? [] : [[key, pruned] as const];
    });
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}

/**
 * The PATCH body for the given top-level fields: each as entered, or null to remove it when
 * emptied. Nested objects go whole, as the API wants them; one still incomplete is refused by the
 * API with its fields named, and the form shows that next to them.
 */
export function patchBody(draft: Draft, fields: Iterable<string>): Record<string, unknown> {
  return Object.fromEntries([...fields].map((field) => [field, prune(draft[field]) ?? null]));
}

/** Field errors by path, merged from several answers (a later source wins for the same field). */
export function mergeErrors(...sources: (readonly { field: string; messages: string[] }[] | undefined)[]): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const source of sources) for (const error of source ?? []) merged[error.field] = error.messages.join(' ');
  return merged;
}
