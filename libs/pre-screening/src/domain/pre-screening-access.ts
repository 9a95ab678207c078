import { ApplicationAccess, ApplicationRecord, ApplicationRepository } from '@kp/applications';
import { Actor } from '@kp/auth';
import { assertCommandAllowed, CaseFileRepository, CaseState } from '@kp/cases';
import { notFound } from '@kp/errors';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PreScreeningRepository } from '../infrastructure/pre-screening.repository';

/**
 * Who reaches a draft for pre-screening. The advisors of a region read a draft only while it is a
 * draft and only when the applicant shared it with their region (need to know; GDPR art. 5(1)(c));
 * registered with the applications library so every read of the draft (its content, its
 * attachments) lets them in, and nothing else.
 */
@Injectable()
export class PreScreeningAccess implements OnModuleInit {
  constructor(
    private readonly applicationAccess: ApplicationAccess,
    private readonly applications: ApplicationRepository,
    private readonly cases: CaseFileRepository,
    private readonly repo: PreScreeningRepository,
  ) {}

  onModuleInit(): void {
    this.applicationAccess.addReaders((manager, actor, application) => this.advisorOfSharedDraft(manager, actor, application));
  }

  async advisorOfSharedDraft(manager: EntityManager, actor: Actor, application: ApplicationRecord): Promise<boolean> {
    return actor.role === 'advisor' && !!actor.region && application.status === 'draft' && (await this.repo.isShared(manager, application.id, actor.region));
  }

  /** The state the lifecycle table reads for an application: its case's, or `draft` before submission. */
  async stateOf(manager: EntityManager, application: ApplicationRecord): Promise<CaseState> {
    const c = application.caseId ? await this.cases.find(manager, application.caseId) : undefined;
    return c ? c.state : application.status === 'draft' ? 'draft' : 'withdrawn';
  }

  /** For the advisor's comment: a draft shared with their region (404 otherwise), still a draft (409 otherwise). */
  async forComment(manager: EntityManager, actor: Actor, applicationId: string): Promise<ApplicationRecord> {
    const application = await this.applications.find(manager, applicationId);
    if (!application || actor.role !== 'advisor' || !actor.region || !(await this.repo.isShared(manager, application.id, actor.region))) throw notFound('application', applicationId);
    assertCommandAllowed(await this.stateOf(manager, application), actor.role, 'comment_draft');
    return application;
  }
}
