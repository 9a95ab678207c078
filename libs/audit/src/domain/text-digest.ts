import { createHash } from 'node:crypto';

/**
 * A free text's stand-in in an audit payload (GDPR art. 5(1)(c), data minimisation): the trail is
 * kept forever, the text only as long as the case file. `sha256:<hex>` of the text's UTF-8 (of its
 * canonical JSON when it is structured) ties the event to the text in the case file, or in the
 * archive hand-over after retention, without keeping what a person wrote. null stays null.
 */
export function textDigest(text: string | readonly unknown[] | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const bytes = typeof text === 'string' ? text : JSON.stringify(text);
  return `sha256:${createHash('sha256').update(bytes, 'utf8').digest('hex')}`;
}
