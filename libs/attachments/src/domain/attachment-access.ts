import { ApplicationAccess, ApplicationRecord, ApplicationRepository } from '@kp/applications';
import { Actor } from '@kp/auth';
import { assertCommandAllowed, CaseRecord, WorkOnCase } from '@kp/cases';
import { notFound } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** The application (and its case, once submitted) that attachments hang on, as the actor may reach it. */
export interface AttachmentHolder {
  application: ApplicationRecord;
  case?: CaseRecord;
}

/**
 * Access checks first (health data; GDPR art. 32): an attachment is reached through its case, with
 * the case's own access check and lifecycle table (`attach_document`, `read_case`), or — before
 * submission — through its draft, which only the applicant (and whom the draft is shared with)
 * sees. Anyone else is told that it does not exist.
 */
@Injectable()
export class AttachmentAccess {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly work: WorkOnCase,
    private readonly applicationAccess: ApplicationAccess,
  ) {}

  /** For attaching: the case's command check, or the draft's owner and state. */
  async forWriting(manager: EntityManager, actor: Actor, target: { applicationId?: string; caseId?: string }): Promise<AttachmentHolder> {
    if (target.caseId) {
      const { c } = await this.work.load(manager, actor, target.caseId, 'attach_document');
      return { application: (await this.applications.find(manager, c.applicationId))!, case: c };
    }
    const application = await this.applicationAccess.own(manager, actor, target.applicationId!);
    // Submitted: the document goes to the case, through the case's own checks.
    if (application.caseId) return this.forWriting(manager, actor, { caseId: application.caseId });
    assertCommandAllowed(application.status === 'draft' ? 'draft' : 'withdrawn', actor.role, 'attach_document');
    return { application };
  }

  /** For reading a case's or a draft's attachments. */
  async forReading(manager: EntityManager, actor: Actor, target: { applicationId?: string; caseId?: string }, hidden?: { what: string; id: string }): Promise<AttachmentHolder> {
    if (target.caseId) {
      const { c } = await this.work.load(manager, actor, target.caseId, 'read_case', undefined, hidden);
      return { application: (await this.applications.find(manager, c.applicationId))!, case: c };
    }
    // Once submitted, the case's own check decides (its readers include staff); before, the draft's.
    const submitted = await this.applications.find(manager, target.applicationId!);
    if (submitted?.caseId) return this.forReading(manager, actor, { caseId: submitted.caseId }, hidden ?? { what: 'application', id: target.applicationId! });
    const application = await this.applicationAccess.readable(manager, actor, target.applicationId!).catch((e) => {
      throw hidden ? notFound(hidden.what, hidden.id) : e;
    });
    return { application };
  }
}
