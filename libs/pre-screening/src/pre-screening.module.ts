import { ApplicationsModule } from '@kp/applications';
import { AuditModule } from '@kp/audit';
import { CasesModule } from '@kp/cases';
import { NotificationsModule } from '@kp/notifications';
import { Module } from '@nestjs/common';
import { CommentDraft } from './comment-draft/comment-draft.usecase';
import { PreScreeningAccess } from './domain/pre-screening-access';
import { PreScreeningRepository } from './infrastructure/pre-screening.repository';
import { ListSharedDrafts, ReadPreScreening } from './read-pre-screening/read-pre-screening.usecase';
import { ShareDraft } from './share-draft/share-draft.usecase';

const useCases = [ShareDraft, CommentDraft, ReadPreScreening, ListSharedDrafts];

/** Pre-screening help (issue 16): drafts shared with a region's data-support centre, and its comments before submission. */
@Module({
  imports: [ApplicationsModule, AuditModule, CasesModule, NotificationsModule],
  providers: [PreScreeningRepository, PreScreeningAccess, ...useCases],
  exports: [...useCases, PreScreeningRepository],
})
export class PreScreeningModule {}
