import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthorityInForce } from '../data-sources/authority-in-force';
import { ApplicationContent, contentProblems } from '../domain/application-content';
import { forbidden, invalidContent } from '../domain/problems';
import { ApplicationRepository } from '../infrastructure/application.repository';
import { applicationView, ApplicationView } from '../views/application.view';

@Injectable()
export class CreateDraft {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly applications: ApplicationRepository,
    private readonly sources: AuthorityInForce,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, content: ApplicationContent): Promise<ApplicationView> {
    if (actor.role !== 'researcher') throw forbidden('Only a researcher can draft an application.');
    const problems = contentProblems(content, (id) => !!this.sources.dataSource(id));
    if (problems.length) throw invalidContent(problems);
    return this.db.transaction(async (manager) => {
      const draft = await this.applications.insert(manager, actor.sub, actor.organisation ?? null, content);
      await this.audit.append(manager, {
        actor,
        action: 'application.drafted',
        subject: { type: 'application', id: draft.id },
        payload: { title: content.title ?? null },
      });
      return applicationView(draft);
    });
  }
}
