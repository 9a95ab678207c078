/** Replaces the body of a `<!-- BEGIN GENERATED name … -->` … `<!-- END GENERATED name -->` block of a document. */
export function replaceBlock(document: string, name: string, body: string): string {
  const begin = `<!-- BEGIN GENERATED ${name}`;
  const end = `<!-- END GENERATED ${name} -->`;
  const from = document.indexOf(begin);
  const to = document.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`docs/security.md has no block "${name}"`);
  const headerEnd = document.indexOf('-->', from) + 3;
  return `${document.slice(0, headerEnd)}\n${body}\n${document.slice(to)}`;
}
