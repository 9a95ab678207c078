import { Actor } from '@kp/auth';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseFileRepository, TeamMemberRepository } from '@kp/cases';
import { applicationView, ApplicationView } from '../views/application.view';
import { ApplicationAccess } from './load-own-application';
import { ApplicationCommand } from './application.command';

@Injectable()
export class GetApplication {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: ApplicationAccess,
    private readonly cases: CaseFileRepository,
    private readonly team: TeamMemberRepository,
  ) {}

  async execute(actor: Actor, { applicationId: id }: ApplicationCommand): Promise<ApplicationView> {
    const application = await this.access.readable(this.db.manager, actor, id);
    const c = application.caseId ? await this.cases.find(this.db.manager, application.caseId) : undefined;
    const myRole = actor.role !== 'researcher' ? null : application.applicantSub === actor.sub ? 'applicant' : ((await this.team.roleOf(this.db.manager, application.id, actor.sub)) ?? null);
    return applicationView(application, c, myRole);
  }
}
