import { CaseState, assertCommandAllowed } from '@kp/cases';
import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { BusinessClock } from '@kp/clock';
import { assertVersion } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthorityInForce } from '../data-sources/authority-in-force';
import { ApplicationContent, contentProblems } from '../domain/application-content';
import { invalidContent } from '../domain/problems';
import { ApplicationRepository } from '../infrastructure/application.repository';
import { CaseFileRepository } from '@kp/cases';
import { ApplicationAccess } from '../get-application/load-own-application';
import { applicationView, ApplicationView } from '../views/application.view';
import { UpdateDraftCommand } from './update-draft.command';

/**
 * Edits a draft, or a submitted application while the case waits for a supplement. Each top-level
 * field given replaces the stored one; `null` removes an optional field.
 */
@Injectable()
export class UpdateDraft {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly applications: ApplicationRepository,
    private readonly access: ApplicationAccess,
    private readonly cases: CaseFileRepository,
    private readonly sources: AuthorityInForce,
    private readonly audit: AuditLog,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, { applicationId: id, change, expectedVersion }: UpdateDraftCommand): Promise<ApplicationView> {
    return this.db.transaction(async (manager) => {
      const application = await this.access.own(manager, actor, id, true);
      const c = application.caseId ? await this.cases.find(manager, application.caseId) : undefined;
      const state: CaseState = c ? c.state : application.status === 'draft' ? 'draft' : 'withdrawn';
      assertCommandAllowed(state, actor.role, 'edit_draft');
      assertVersion(expectedVersion, application.version, 'application');
      const content: Record<string, unknown> = { ...application.content };
      for (const [field, value] of Object.entries(change)) {
        if (value === null) delete content[field];
        else if (value !== undefined) content[field] = value;
      }
      const problems = contentProblems(content as ApplicationContent, (sourceId) => !!this.sources.dataSource(sourceId));
      if (problems.length) throw invalidContent(problems);
      const updated = await this.applications.update(manager, id, { content: content as ApplicationContent, at: this.clock.now() });
      await this.audit.append(manager, {
        actor,
        action: 'application.edited',
        subject: { type: 'application', id },
        payload: { fields: Object.keys(change), version: updated.version, caseNumber: c?.number ?? null },
      });
      return applicationView(updated, c);
    });
  }
}
