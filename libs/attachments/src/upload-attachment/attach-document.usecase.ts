import { AuditLog, textDigest } from '@kp/audit';
import { Actor } from '@kp/auth';
import { BusinessClock } from '@kp/clock';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AttachmentAccess } from '../domain/attachment-access';
import { AttachmentEvents } from '../domain/attachment-events';
import { kindsFor } from '../domain/attachment-kinds';
import { ATTACHMENT_STORE, AttachmentStore } from '../domain/attachment-store';
import { attachmentTooLarge, attachmentTypeNotAllowed, fileMissing, kindNotForRole } from '../domain/problems';
import { sniffMediaType } from '../domain/sniff-media-type';
import { AttachmentRepository } from '../infrastructure/attachment.repository';
import { attachmentView, AttachmentView } from '../views/attachment.view';
import { AttachDocumentCommand } from './attach-document.command';
import { displayName } from './file-name';

/**
 * Attach a document to a draft or a case. Checked in this order: who may attach here (404 / 409),
 * which kind this role attaches, the size (`ATTACHMENT_MAX_BYTES`) and the type read from the bytes.
 * Stored with its metadata and an audit event carrying the SHA-256 of the bytes in one
 * transaction: the file belongs to the case file (forvaltningsloven § 15, notatpligt), is journalised
 * (offentlighedsloven § 15; through {@link AttachmentEvents}) and any
 * later change to it would show (GDPR art. 32(1)(b), integrity). The bytes never enter the audit
 * trail or the logs.
 */
@Injectable()
export class AttachDocument {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AttachmentAccess,
    private readonly attachments: AttachmentRepository,
    @Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore,
    private readonly audit: AuditLog,
    private readonly events: AttachmentEvents,
    private readonly clock: BusinessClock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(actor: Actor, command: AttachDocumentCommand, content: Buffer | undefined): Promise<AttachmentView> {
    return this.db.transaction(async (manager) => {
      const holder = await this.access.forWriting(manager, actor, command);
      const kinds = kindsFor(actor.role);
      if (!kinds.includes(command.kind)) throw kindNotForRole(actor.role, kinds);
      if (!content || content.length === 0) throw fileMissing();
      if (content.length > this.config.attachmentMaxBytes) throw attachmentTooLarge(this.config.attachmentMaxBytes);
      const mediaType = sniffMediaType(content);
      if (!mediaType) throw attachmentTypeNotAllowed();
      const sha256 = createHash('sha256').update(content).digest('hex');
      const attachment = await this.attachments.insert(manager, {
        applicationId: holder.application.id,
        caseId: holder.case?.id ?? null,
        kind: command.kind,
        filename: displayName(command.filename, mediaType),
        mediaType,
        sizeBytes: content.length,
        sha256,
        uploadedBy: actor.sub,
        uploadedByRole: actor.role,
        uploadedAt: this.clock.now(),
      });
      await this.store.put(manager, attachment.id, content);
      await this.events.emit(manager, attachment);
      await this.audit.append(manager, {
        actor,
        action: 'attachment.added',
        subject: holder.case ? { type: 'case', id: holder.case.number } : { type: 'application', id: holder.application.id },
        // The file name can name a person; the content's hash and the attachment's id identify the file (docs/records-and-retention.md).
        payload: { attachmentId: attachment.id, kind: attachment.kind, filenameSha256: textDigest(attachment.filename), mediaType, sizeBytes: content.length, sha256 },
      });
      return attachmentView(attachment);
    });
  }
}
