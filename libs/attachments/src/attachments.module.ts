import { ApplicationsModule } from '@kp/applications';
import { AuditModule } from '@kp/audit';
import { CasesModule } from '@kp/cases';
import { Module } from '@nestjs/common';
import { ApplicationAttachmentFiles } from './case-file/application-attachment-files';
import { AttachmentAccess } from './domain/attachment-access';
import { AttachmentEvents } from './domain/attachment-events';
import { ATTACHMENT_STORE } from './domain/attachment-store';
import { DownloadAttachment } from './download-attachment/download-attachment.usecase';
import { AttachmentRepository } from './infrastructure/attachment.repository';
import { PostgresAttachmentStore } from './infrastructure/postgres-attachment-store';
import { ListAttachments } from './list-attachments/list-attachments.usecase';
import { AttachDocument } from './upload-attachment/attach-document.usecase';

const useCases = [AttachDocument, ListAttachments, DownloadAttachment];

/**
 * Documents attached to drafts and cases (issue 16): their metadata, and their bytes behind the
 * {@link AttachmentStore} port — PostgreSQL here; an object store would be another provider.
 */
@Module({
  imports: [AuditModule, ApplicationsModule, CasesModule],
  providers: [AttachmentRepository, AttachmentAccess, AttachmentEvents, ApplicationAttachmentFiles, { provide: ATTACHMENT_STORE, useClass: PostgresAttachmentStore }, ...useCases],
  exports: [...useCases, ApplicationAttachmentFiles, AttachmentEvents],
})
export class AttachmentsModule {}
