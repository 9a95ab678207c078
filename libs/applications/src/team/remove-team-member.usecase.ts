import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { BusinessClock } from '@kp/clock';
import { CaseFileRepository, TeamMemberRepository } from '@kp/cases';
import { ForbiddenError, notFound } from '@kp/errors';
import { MAILTO, Notifier } from '@kp/notifications';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApplicationRepository } from '../infrastructure/application.repository';
import { RemoveTeamMemberCommand } from './team.commands';

/**
 * The applicant removes a member, or withdraws an invitation not yet accepted; a member leaves. A
 * person should read health-data applications only while they need to (GDPR art. 5(1)(c)), so
 * access ends in the same transaction: every read of the draft and the case checks the team. Only
 * the applicant removes others; the applicant is not a member and cannot be removed. The removed
 * person is told (an invitee by e-mail, since they may have no account), or, when a member leaves,
 * the applicant. Kept as a removed row and audited, so the file shows who could read it until when.
 */
@Injectable()
export class RemoveTeamMember {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly applications: ApplicationRepository,
    private readonly team: TeamMemberRepository,
    private readonly cases: CaseFileRepository,
    private readonly notifier: Notifier,
    private readonly audit: AuditLog,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, { applicationId, memberId }: RemoveTeamMemberCommand): Promise<void> {
    await this.db.transaction(async (manager) => {
      const application = await this.applications.find(manager, applicationId, true);
      const isApplicant = !!application && actor.role === 'researcher' && application.applicantSub === actor.sub;
      if (!application || !(isApplicant || (actor.role === 'researcher' && (await this.team.isMember(manager, application.id, actor.sub))))) throw notFound('application', applicationId);
      const member = await this.team.find(manager, memberId, true);
      if (!member || member.applicationId !== application.id) throw notFound('team member', memberId);
      const leaving = member.memberSub === actor.sub;
      if (!isApplicant && !leaving) throw new ForbiddenError('Only the applicant removes others from the team; you may leave it yourself.');

      const at = this.clock.now();
      await this.team.remove(manager, member.id, actor.sub, at);
      const c = application.caseId ? await this.cases.find(manager, application.caseId) : undefined;
      const title = application.content.title ?? application.id;
      const onCase = { da: c ? ` og sag ${c.number}` : '', en: c ? ` and case ${c.number}` : '' };
      const caseRef = c ? { caseId: c.id, caseNumber: c.number } : {};
      if (leaving) {
        const who = actor.name ?? member.name ?? member.email;
        await this.notifier.notify(manager, {
          to: { sub: application.applicantSub },
          kind: 'team_left',
          ...caseRef,
          title: { da: `${who} har forladt ansøgningens team`, en: `${who} left the application’s team` },
          body: { da: `${who} kan ikke længere læse ansøgningen "${title}"${onCase.da}.`, en: `${who} can no longer read the application "${title}"${onCase.en}.` },
        });
      } else if (member.memberSub) {
        await this.notifier.notify(manager, {
          to: { sub: member.memberSub },
          kind: 'team_removed',
          ...caseRef,
          title: { da: `Du er fjernet fra ansøgningens team`, en: `You were removed from the application’s team` },
          body: { da: `Ansøgeren har fjernet dig fra teamet bag ansøgningen "${title}"; du kan ikke længere læse den${onCase.da}.`, en: `The applicant removed you from the team of the application "${title}"; you can no longer read it${onCase.en}.` },
        });
      } else {
        await this.notifier.notify(manager, {
          to: { sub: `${MAILTO}${member.email}` },
          kind: 'team_invitation_withdrawn',
          title: { da: `Invitationen til ansøgningen "${title}" er trukket tilbage`, en: `The invitation to the application "${title}" was withdrawn` },
          body: { da: `Ansøgeren har trukket invitationen til at læse ansøgningen "${title}" tilbage; den kan ikke længere accepteres.`, en: `The applicant withdrew the invitation to read the application "${title}"; it can no longer be accepted.` },
        });
      }
      await this.audit.append(manager, {
        actor,
        action: leaving ? 'application.team_left' : member.memberSub ? 'application.team_member_removed' : 'application.team_invitation_withdrawn',
        subject: c ? { type: 'case', id: c.number } : { type: 'application', id: application.id },
        payload: { invitationId: member.id, applicationId: application.id, teamRole: member.teamRole, email: member.email },
      });
    });
  }
}
