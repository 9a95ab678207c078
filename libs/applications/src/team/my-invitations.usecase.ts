import { Actor } from '@kp/auth';
import { BusinessClock } from '@kp/clock';
import { TeamMemberRepository } from '@kp/cases';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApplicationRepository } from '../infrastructure/application.repository';
import { teamMemberView, TeamMemberView } from './team-member.view';

/**
 * The open invitations to the signed-in researcher: those sent to the e-mail address their token
 * carries (the `email` claim, verified by the identity provider), with the title they were invited to.
 */
@Injectable()
export class ListMyInvitations {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly team: TeamMemberRepository,
    private readonly applications: ApplicationRepository,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor): Promise<{ items: (TeamMemberView & { title: string | null })[] }> {
    if (actor.role !== 'researcher' || !actor.email) return { items: [] };
    const now = this.clock.now();
    const open = await this.team.openFor(this.db.manager, actor.email, now);
    const items = [];
    for (const m of open) {
      const application = await this.applications.find(this.db.manager, m.applicationId);
      if (application && application.applicantSub !== actor.sub) items.push({ ...teamMemberView(m, now, actor), title: application.content.title ?? null });
    }
    return { items };
  }
}
