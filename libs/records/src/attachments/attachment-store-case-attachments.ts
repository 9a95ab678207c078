import { ApplicationAttachmentFiles } from '@kp/attachments';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseAttachment, CaseAttachments, CaseRef } from './case-attachments.port';

/** The case's attachments as the attachments library keeps them (issue 16), for the export, the hand-over and retention. */
@Injectable()
export class AttachmentStoreCaseAttachments extends CaseAttachments {
  constructor(private readonly files: ApplicationAttachmentFiles) {
    super();
  }

  async forCase(manager: EntityManager, c: CaseRef): Promise<CaseAttachment[]> {
    return (await this.files.forApplication(manager, c.applicationId)).map((a) => ({
      id: a.id,
      kind: a.kind,
      attachedByRole: a.uploadedByRole,
      filename: a.filename,
      mediaType: a.mediaType,
      sizeBytes: Number(a.sizeBytes),
      sha256: a.sha256,
      attachedAt: new Date(a.uploadedAt),
      read: a.read,
    }));
  }

  async eraseForRetention(manager: EntityManager, c: CaseRef): Promise<number> {
    return this.files.eraseForRetention(manager, c.applicationId);
  }
}
