import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { BusinessClock } from '@kp/clock';
import { TeamMemberRepository } from '@kp/cases';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { DomainError } from '@kp/errors';
import { MAILTO, Notifier } from '@kp/notifications';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApplicationAccess } from '../get-application/load-own-application';
import { InviteToTeamCommand } from './team.commands';
import { teamMemberView, TeamMemberView } from './team-member.view';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The applicant invites a co-applicant or a researcher named in the application (EHDS art. 61(2))
 * to read the draft and the case. The invitation goes by e-mail to the address (the person may have
 * no account yet) and expires after `TEAM_INVITATION_DAYS`; inviting the same address again renews
 * it. Only the applicant invites, and only the applicant ever acts on the application.
 */
@Injectable()
export class InviteToTeam {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: ApplicationAccess,
    private readonly team: TeamMemberRepository,
    private readonly notifier: Notifier,
    private readonly audit: AuditLog,
    private readonly clock: BusinessClock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(actor: Actor, command: InviteToTeamCommand): Promise<TeamMemberView> {
    return this.db.transaction(async (manager) => {
      const application = await this.access.own(manager, actor, command.applicationId, true);
      const at = this.clock.now();
      const expiresAt = new Date(at.getTime() + this.config.teamInvitationDays * DAY_MS);
      const email = command.email.trim();
      const invitation = await this.team.invite(manager, { applicationId: application.id, email, name: command.name?.trim() ?? null, teamRole: command.teamRole, invitedBy: actor.sub, invitedAt: at, expiresAt });
      if (!invitation) throw new DomainError('team-member-exists', `${email} has already joined the application's team.`);
      const title = application.content.title ?? application.id;
      const until = { da: expiresAt.toLocaleDateString('da-DK', { timeZone: 'Europe/Copenhagen' }), en: expiresAt.toLocaleDateString('en-GB', { timeZone: 'Europe/Copenhagen', day: 'numeric', month: 'long', year: 'numeric' }) };
      await this.notifier.notify(manager, {
        to: { sub: `${MAILTO}${email}` },
        kind: 'team_invitation',
        applicationId: application.id,
        title: { da: `Invitation til at læse ansøgningen "${title}"`, en: `Invitation to read the application "${title}"` },
        body: {
          da: `Ansøgeren har inviteret dig som ${command.teamRole === 'co_applicant' ? 'medansøger' : 'navngiven forsker'} til at læse ansøgningen "${title}" og dens sag. Log ind med denne e-mailadresse, og acceptér invitationen under Invitationer senest ${until.da}.`,
          en: `The applicant invited you as ${command.teamRole === 'co_applicant' ? 'co-applicant' : 'named researcher'} to read the application "${title}" and its case. Sign in with this e-mail address and accept the invitation under Invitations by ${until.en}.`,
        },
      });
      await this.audit.append(manager, {
        actor,
        action: 'application.team_invited',
        subject: { type: 'application', id: application.id },
        payload: { invitationId: invitation.id, email, teamRole: invitation.teamRole, expiresAt: expiresAt.toISOString() },
      });
      return teamMemberView(invitation, at, actor);
    });
  }
}
