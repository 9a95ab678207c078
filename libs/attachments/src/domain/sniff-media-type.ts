/**
 * Which kind of file the bytes are, read from the bytes themselves (magic numbers and, for the
 * ZIP-based office formats, the archive's directory), never from the name or the Content-Type the
 * client sent: what a person downloads from a case file must be what it claims to be (GDPR art. 32,
 * security of processing). An allow-list: PDF, PNG, JPEG, Word/Excel (OOXML without macros) and
 * OpenDocument text/spreadsheet. `file-type` would do the reading, but its maintained releases are
 * ESM-only, which this CommonJS app under Jest cannot load (docs/attachments-and-team.md).
 */
export const ATTACHMENT_MEDIA_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

/** The file name extension each type is served with when the given name has none that fits. */
export const EXTENSION_OF: Record<AttachmentMediaType, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
};

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;

/** The allowed media type of these bytes, or undefined when they are none of the allowed kinds. */
export function sniffMediaType(bytes: Buffer): AttachmentMediaType | undefined {
  // PDF readers accept the header within the first 1024 bytes (ISO 32000-1, annex H); so do we.
  if (bytes.subarray(0, 1024).includes('%PDF-')) return 'application/pdf';
  if (bytes.subarray(0, PNG.length).equals(PNG)) return 'image/png';
  if (bytes.subarray(0, JPEG.length).equals(JPEG)) return 'image/jpeg';
  if (bytes.length >= 30 && bytes.readUInt32LE(0) === ZIP_LOCAL) return zipOfficeType(bytes);
  return undefined;
}

function zipOfficeType(bytes: Buffer): AttachmentMediaType | undefined {
  // OpenDocument: the first entry is `mimetype`, stored uncompressed, holding the type (ODF 1.2 part 3, §3.3).
  const nameLength = bytes.readUInt16LE(26);
  const extraLength = bytes.readUInt16LE(28);
  if (bytes.toString('latin1', 30, 30 + nameLength) === 'mimetype' && bytes.readUInt16LE(8) === 0) {
    const size = bytes.readUInt32LE(18);
    const start = 30 + nameLength + extraLength;
    const declared = bytes.toString('latin1', start, Math.min(start + size, bytes.length));
    if (declared === 'application/vnd.oasis.opendocument.text' || declared === 'application/vnd.oasis.opendocument.spreadsheet') return declared;
    return undefined;
  }
  const names = zipEntryNames(bytes);
  if (!names || !names.has('[Content_Types].xml')) return undefined;
  // Office Open XML: the main part names the application; a VBA project (macros) is refused.
  if ([...names].some((n) => n.toLowerCase().endsWith('vbaproject.bin'))) return undefined;
  if (names.has('word/document.xml')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (names.has('xl/workbook.xml')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return undefined;
}

/** The entry names from the archive's central directory, or undefined when it cannot be read. */
function zipEntryNames(bytes: Buffer): Set<string> | undefined {
  // The end-of-central-directory record is in the last 22 + 65535 bytes (a comment may follow it).
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === ZIP_END) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const names = new Set<string>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== ZIP_CENTRAL) return undefined;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    names.add(bytes.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
