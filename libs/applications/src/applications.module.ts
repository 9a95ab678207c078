import { AuditModule } from '@kp/audit';
import { CasesModule } from '@kp/cases';
import { NotificationsModule } from '@kp/notifications';
import { RulesModule } from '@kp/rules';
import { Module } from '@nestjs/common';
import { ChangeAuthority } from './change-authority/change-authority.usecase';
import { CheckApplication } from './check-application/check-application.usecase';
import { CreateDraft } from './create-draft/create-draft.usecase';
import { DryRunRuleSets } from './dry-run-rule-sets/dry-run-rule-sets.usecase';
import { AuthorityInForce } from './data-sources/authority-in-force';
import { GetApplication } from './get-application/get-application.usecase';
import { GetCase } from './get-case/get-case.usecase';
import { GetCaseWaitingHistory } from './case-waiting-history/get-case-waiting-history.usecase';
import { GetCaseAuditTimeline } from './case-audit-timeline/get-case-audit-timeline.usecase';
import { ListPublicApplications } from './public-register/list-public-applications.usecase';
import { ApplicationAccess } from './get-application/load-own-application';
import { ApplicationRepository } from './infrastructure/application.repository';
import { AuthorityRepository } from './infrastructure/authority.repository';
import { IdempotencyRepository } from './infrastructure/idempotency.repository';
import { ListApplications } from './list-applications/list-applications.usecase';
import { ListDataSources } from './list-data-sources/list-data-sources.usecase';
import { GetDataSource } from './get-data-source/get-data-source.usecase';
import { ScreenCaseHandler } from './screen-case/screen-case.handler';
import { RecoverLostScreeningsHandler } from './recover-lost-screenings/recover-lost-screenings.handler';
import { RescreenOnLawChangeHandler } from './rescreen-on-law-change/rescreen-on-law-change.handler';
import { SubmitApplication } from './submit-application/submit-application.usecase';
import { UpdateDraft } from './update-draft/update-draft.usecase';
import { WithdrawApplication } from './withdraw-application/withdraw-application.usecase';
import { AcceptInvitation } from './team/accept-invitation.usecase';
import { InviteToTeam } from './team/invite-to-team.usecase';
import { ListTeam } from './team/list-team.usecase';
import { ListMyInvitations } from './team/my-invitations.usecase';
import { RemoveTeamMember } from './team/remove-team-member.usecase';

const useCases = [InviteToTeam, ListTeam, ListMyInvitations, AcceptInvitation, RemoveTeamMember, GetCaseAuditTimeline, GetCaseWaitingHistory, ListPublicApplications, CreateDraft, UpdateDraft, GetApplication, ListApplications, CheckApplication, SubmitApplication, WithdrawApplication, GetCase, ChangeAuthority, ListDataSources, GetDataSource, DryRunRuleSets];

/** Applications, cases and routing; the screening job handler registers with the worker's queue. */
@Module({
  imports: [AuditModule, RulesModule, CasesModule, NotificationsModule],
  providers: [ApplicationRepository, ApplicationAccess, AuthorityRepository, IdempotencyRepository, AuthorityInForce, ScreenCaseHandler, RescreenOnLawChangeHandler, RecoverLostScreeningsHandler, ...useCases],
  exports: [...useCases, ApplicationRepository, ApplicationAccess, AuthorityInForce, RescreenOnLawChangeHandler, RecoverLostScreeningsHandler],
})
export class ApplicationsModule {}
