import { AttachmentKind } from './attachment-kinds';
import { AttachmentMediaType } from './sniff-media-type';

/** One attached document's metadata; its bytes are in the {@link AttachmentStore}. */
export interface AttachmentRecord {
  id: string;
  applicationId: string;
  /** The case it was attached to; null when it was attached to the draft (it follows the application into its case). */
  caseId: string | null;
  kind: AttachmentKind;
  filename: string;
  mediaType: AttachmentMediaType;
  sizeBytes: number;
  /** Hex SHA-256 of the bytes, also in the audit event, so the file can be shown unchanged years later. */
  sha256: string;
  uploadedBy: string;
  uploadedByRole: string;
  uploadedAt: Date;
}
