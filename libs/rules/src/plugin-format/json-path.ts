/** Renders a path as JSONPath (`$.rules[3].event.params.code`), the form load problems use. */
export function jsonPath(segments: (string | number)[]): string {
  return segments.reduce<string>((acc, s) => {
    if (typeof s === 'number' || /^\d+$/.test(s)) return `${acc}[${s}]`;
    return /^[A-Za-z_$][\w$]*$/.test(s) ? `${acc}.${s}` : `${acc}[${JSON.stringify(s)}]`;
  }, '$');
}

/** Converts a JSON Pointer (ajv's instancePath) to JSONPath segments. */
export function pointerSegments(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
