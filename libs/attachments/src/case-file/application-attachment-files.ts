import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ATTACHMENT_STORE, AttachmentStore } from '../domain/attachment-store';
import { AttachmentRecord } from '../domain/records';
import { AttachmentRepository } from '../infrastructure/attachment.repository';

/** An attachment with its bytes read on demand. */
export type AttachmentFile = AttachmentRecord & { read(): Promise<Buffer> };

/**
 * The attachments of one application — on its draft and on its case — for the records duties
 * (issue 16): the access-to-files export and the archive hand-over read them whole, and retention
 * erases them with the rest of the case's data (GDPR art. 5(1)(e)). No access check here: the
 * callers are the records use cases, which check the actor first, and the retention job.
 */
@Injectable()
export class ApplicationAttachmentFiles {
  constructor(
    private readonly attachments: AttachmentRepository,
    @Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore,
  ) {}

  async forApplication(manager: EntityManager, applicationId: string): Promise<AttachmentFile[]> {
    return (await this.attachments.forApplication(manager, applicationId)).map((a) => ({
      ...a,
      read: async () => {
        const content = await this.store.get(manager, a.id);
        if (!content) throw new Error(`attachment ${a.id} has no stored content`);
        return content;
      },
    }));
  }

  /** Deletes the bytes, then the metadata, of every attachment of the application; answers how many went. */
  async eraseForRetention(manager: EntityManager, applicationId: string): Promise<number> {
    const all = await this.attachments.forApplication(manager, applicationId);
    for (const a of all) {
      await this.store.delete(manager, a.id);
      await this.attachments.delete(manager, a.id);
    }
    return all.length;
  }
}
