import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { notFound } from '@kp/errors';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttachmentAccess } from '../domain/attachment-access';
import { ATTACHMENT_STORE, AttachmentStore } from '../domain/attachment-store';
import { AttachmentRecord } from '../domain/records';
import { AttachmentRepository } from '../infrastructure/attachment.repository';

/**
 * An attachment's bytes, to those who may read its case (or its draft) only; to anyone else it
 * does not exist (404). A read by anyone but the applicant is audited, like a staff read of a
 * case (GDPR art. 32: who saw which health-data document).
 */
@Injectable()
export class DownloadAttachment {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AttachmentAccess,
    private readonly attachments: AttachmentRepository,
    @Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, { attachmentId }: { attachmentId: string }): Promise<{ attachment: AttachmentRecord; content: Buffer }> {
    return this.db.transaction(async (manager) => {
      const hidden = { what: 'attachment', id: attachmentId };
      const attachment = await this.attachments.find(manager, attachmentId);
      if (!attachment) throw notFound(hidden.what, hidden.id);
      const holder = await this.access.forReading(manager, actor, { applicationId: attachment.applicationId }, hidden);
      const content = await this.store.get(manager, attachment.id);
      if (!content) throw notFound(hidden.what, hidden.id);
      if (holder.application.applicantSub !== actor.sub) {
        await this.audit.append(manager, {
          actor,
          action: 'attachment.downloaded',
          subject: holder.case ? { type: 'case', id: holder.case.number } : { type: 'application', id: holder.application.id },
          payload: { attachmentId: attachment.id, sha256: attachment.sha256 },
        });
      }
      return { attachment, content };
    });
  }
}
