import { Actor } from '@kp/auth';
import { BusinessClock } from '@kp/clock';
import { TeamMemberRepository } from '@kp/cases';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApplicationAccess } from '../get-application/load-own-application';
import { ApplicationTeamCommand } from './team.commands';
import { teamMemberView, TeamMemberView } from './team-member.view';

/** The application's team: its invitations and members, to the applicant and to the members. */
@Injectable()
export class ListTeam {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: ApplicationAccess,
    private readonly team: TeamMemberRepository,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, { applicationId }: ApplicationTeamCommand): Promise<{ items: TeamMemberView[] }> {
    const application = await this.access.readable(this.db.manager, actor, applicationId);
    if (actor.role !== 'researcher') return { items: [] };
    const now = this.clock.now();
    return { items: (await this.team.forApplication(this.db.manager, application.id)).map((m) => teamMemberView(m, now, actor)) };
  }
}
