import { Actor } from '@kp/auth';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApplicationRepository } from '../infrastructure/application.repository';
import { CaseFileRepository } from '@kp/cases';
import { applicationView, ApplicationView } from '../views/application.view';
import { loadOwnApplication } from './load-own-application';
import { ApplicationCommand } from './application.command';

@Injectable()
export class GetApplication {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly applications: ApplicationRepository,
    private readonly cases: CaseFileRepository,
  ) {}

  async execute(actor: Actor, { applicationId: id }: ApplicationCommand): Promise<ApplicationView> {
    const application = await loadOwnApplication(this.db.manager, this.applications, actor, id);
    const c = application.caseId ? await this.cases.find(this.db.manager, application.caseId) : undefined;
    return applicationView(application, c);
  }
}
