import { Actor } from '@kp/auth';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttachmentAccess } from '../domain/attachment-access';
import { AttachmentRepository } from '../infrastructure/attachment.repository';
import { attachmentView, AttachmentView } from '../views/attachment.view';
import { ListAttachmentsCommand } from './list-attachments.command';

/**
 * The documents attached to a draft or a case, oldest first: those attached to the draft follow
 * it into its case, so the case file holds everything the application referred to.
 */
@Injectable()
export class ListAttachments {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AttachmentAccess,
    private readonly attachments: AttachmentRepository,
  ) {}

  async execute(actor: Actor, command: ListAttachmentsCommand): Promise<{ items: AttachmentView[] }> {
    return this.db.transaction(async (manager) => {
      const { application } = await this.access.forReading(manager, actor, command);
      return { items: (await this.attachments.forApplication(manager, application.id)).map(attachmentView) };
    });
  }
}
