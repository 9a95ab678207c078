import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { BusinessClock } from '@kp/clock';
import { Notifier } from '@kp/notifications';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PreScreeningAccess } from '../domain/pre-screening-access';
import { CommentDraftCommand } from '../domain/pre-screening.commands';
import { commentView, DraftCommentView } from '../domain/pre-screening.view';
import { PreScreeningRepository } from '../infrastructure/pre-screening.repository';

/** An advisor of a region the draft was shared with comments on it, before submission; the applicant is told. */
@Injectable()
export class CommentDraft {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: PreScreeningAccess,
    private readonly repo: PreScreeningRepository,
    private readonly notifier: Notifier,
    private readonly audit: AuditLog,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, command: CommentDraftCommand): Promise<DraftCommentView> {
    return this.db.transaction(async (manager) => {
      const application = await this.access.forComment(manager, actor, command.applicationId);
      const comment = await this.repo.addComment(manager, { applicationId: application.id, region: actor.region!, authorSub: actor.sub, text: command.text.trim(), createdAt: this.clock.now() });
      const title = application.content.title ?? application.id;
      await this.notifier.notify(manager, {
        to: { sub: application.applicantSub },
        kind: 'draft_commented',
        applicationId: application.id,
        title: { da: `Bemærkninger til dit udkast "${title}"`, en: `Comments on your draft "${title}"` },
        body: { da: `Datastøttecenteret i ${comment.region} har kommenteret dit udkast.`, en: `The data-support centre of ${comment.region} commented on your draft.` },
      });
      await this.audit.append(manager, { actor, action: 'application.pre_screening_comment', subject: { type: 'application', id: application.id }, payload: { commentId: comment.id, region: comment.region } });
      return commentView(comment);
    });
  }
}
