import { AttachmentMediaType, EXTENSION_OF } from '../domain/sniff-media-type';

/**
 * The name a stored file is shown and served under: the sender's name without folders, control
 * characters or quotes, at most 200 characters, and ending in the extension of the sniffed type,
 * so a `.exe` renamed `.pdf` cannot pass as something else when it is saved.
 */
export function displayName(given: string, mediaType: AttachmentMediaType): string {
  const extension = EXTENSION_OF[mediaType];
  const base = given
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '')
    .trim()
    .slice(0, 200);
  const stem = base.replace(/\.[^.]*$/, '');
  const hasRightExtension = base.toLowerCase().endsWith(`.${extension}`) || (extension === 'jpg' && base.toLowerCase().endsWith('.jpeg'));
  if (hasRightExtension && stem !== '') return base;
  return `${stem || 'attachment'}.${extension}`;
}
