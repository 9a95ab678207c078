import { AttachmentRecord } from '../domain/records';

/** What a reader of the case sees of an attachment; the bytes are fetched from `contentUrl`. */
export function attachmentView(a: AttachmentRecord) {
  return {
    id: a.id,
    applicationId: a.applicationId,
    caseId: a.caseId,
    kind: a.kind,
    filename: a.filename,
    mediaType: a.mediaType,
    sizeBytes: Number(a.sizeBytes),
    sha256: a.sha256,
    uploadedByRole: a.uploadedByRole,
    uploadedAt: new Date(a.uploadedAt).toISOString(),
    contentUrl: `/v1/attachments/${a.id}/content`,
  };
}

export type AttachmentView = ReturnType<typeof attachmentView>;
