import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { BusinessClock } from '@kp/clock';
import { CaseFileRepository, TeamMemberRepository } from '@kp/cases';
import { DomainError, notFound } from '@kp/errors';
import { Notifier } from '@kp/notifications';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApplicationRepository } from '../infrastructure/application.repository';
import { AcceptInvitationCommand } from './team.commands';
import { teamMemberView, TeamMemberView } from './team-member.view';

/**
 * The invitee accepts after signing in: the invitation must be addressed to the e-mail their token
 * carries (anyone else is told it does not exist) and still open. From then they read the draft
 * and the case (read only); the applicant is told who joined.
 */
@Injectable()
export class AcceptInvitation {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly team: TeamMemberRepository,
    private readonly applications: ApplicationRepository,
    private readonly cases: CaseFileRepository,
    private readonly notifier: Notifier,
    private readonly audit: AuditLog,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, { invitationId }: AcceptInvitationCommand): Promise<TeamMemberView> {
    return this.db.transaction(async (manager) => {
      const invitation = await this.team.find(manager, invitationId, true);
      const addressedToYou = !!invitation && !!actor.email && invitation.email.toLowerCase() === actor.email.trim().toLowerCase();
      if (!invitation || actor.role !== 'researcher' || !addressedToYou || (invitation.memberSub !== null && invitation.memberSub !== actor.sub)) throw notFound('invitation', invitationId);
      const at = this.clock.now();
      if (invitation.memberSub === actor.sub) return teamMemberView(invitation, at, actor);
      if (new Date(invitation.expiresAt) <= at) {
        throw new DomainError('invitation-expired', `The invitation expired on ${new Date(invitation.expiresAt).toISOString()}; ask the applicant to invite you again.`, { expiresAt: new Date(invitation.expiresAt).toISOString() });
      }
      const application = (await this.applications.find(manager, invitation.applicationId))!;
      const accepted = await this.team.accept(manager, invitation.id, actor.sub, at);
      const c = application.caseId ? await this.cases.find(manager, application.caseId) : undefined;
      const who = actor.name ?? invitation.name ?? invitation.email;
      const title = application.content.title ?? application.id;
      await this.notifier.notify(manager, {
        to: { sub: application.applicantSub },
        kind: 'team_joined',
        applicationId: application.id,
        ...(c ? { caseId: c.id, caseNumber: c.number } : {}),
        title: { da: `${who} har accepteret invitationen`, en: `${who} accepted your invitation` },
        body: { da: `${who} kan nu læse ansøgningen "${title}"${c ? ` og sag ${c.number}` : ''}.`, en: `${who} can now read the application "${title}"${c ? ` and case ${c.number}` : ''}.` },
      });
      await this.audit.append(manager, {
        actor,
        action: 'application.team_joined',
        subject: c ? { type: 'case', id: c.number } : { type: 'application', id: application.id },
        payload: { invitationId: invitation.id, applicationId: application.id, teamRole: invitation.teamRole },
      });
      return teamMemberView(accepted, at, actor);
    });
  }
}
