/**
 * The members of a string union type that has no `as const` array, for a schema's `enum`: the
 * compiler refuses the list while a member is missing or foreign, so the document cannot fall
 * behind the type. Prefer the library's own array where it exports one.
 */
export function unionValues<T extends string>() {
  return <const V extends readonly T[]>(...values: V & ([Exclude<T, V[number]>] extends [never] ? unknown : { missing: Exclude<T, V[number]> })): readonly T[] => values;
}
