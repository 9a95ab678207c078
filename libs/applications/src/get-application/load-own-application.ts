import { Actor } from '@kp/auth';
import { TeamMemberRepository } from '@kp/cases';
import { ForbiddenError, notFound } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApplicationRecord } from '../domain/records';
import { ApplicationRepository } from '../infrastructure/application.repository';

/** Access check first: an application is visible to its applicant only (404 to anyone else). */
export async function loadOwnApplication(manager: EntityManager, repo: ApplicationRepository, actor: Actor, id: string, lock = false): Promise<ApplicationRecord> {
  const application = await repo.find(manager, id, lock);
  if (!application || actor.role !== 'researcher' || application.applicantSub !== actor.sub) throw notFound('application', id);
  return application;
}

/**
 * Who reaches an application, checked first in every use case on it:
 * - the applicant reads and acts (edits, checks, submits, withdraws);
 * - the co-applicants and named researchers who accepted the applicant's invitation read it, and
 *   are told they may not act (403) — only the applicant submits;
 * - readers a library adds (see {@link ApplicationAccess.addReaders}: an advisor of the region a
 *   draft is shared with) read it;
 * - to anyone else it does not exist (404).
 */
@Injectable()
export class ApplicationAccess {
  private readonly readers: ApplicationReader[] = [];

  constructor(
    private readonly applications: ApplicationRepository,
    private readonly team: TeamMemberRepository,
  ) {}

  /** Another library lets more people read applications (read only). */
  addReaders(reader: ApplicationReader): void {
    this.readers.push(reader);
  }

  /** For acting on it: the applicant only. */
  async own(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<ApplicationRecord> {
    const application = await this.applications.find(manager, id, lock);
    if (application && actor.role === 'researcher' && application.applicantSub === actor.sub) return application;
    if (application && actor.role === 'researcher' && (await this.team.isMember(manager, application.id, actor.sub))) {
      throw new ForbiddenError('Only the applicant can change, check, submit or withdraw the application; as a member of its team you may read it.');
    }
    throw notFound('application', id);
  }

  /** For reading it: the applicant, the team, and the readers other libraries add. */
  async readable(manager: EntityManager, actor: Actor, id: string): Promise<ApplicationRecord> {
    const application = await this.applications.find(manager, id);
    if (application && (await this.mayRead(manager, actor, application))) return application;
    throw notFound('application', id);
  }

  async mayRead(manager: EntityManager, actor: Actor, application: ApplicationRecord): Promise<boolean> {
    if (actor.role === 'researcher' && application.applicantSub === actor.sub) return true;
    if (actor.role === 'researcher' && (await this.team.isMember(manager, application.id, actor.sub))) return true;
    for (const reader of this.readers) if (await reader(manager, actor, application)) return true;
    return false;
  }
}

export type ApplicationReader = (manager: EntityManager, actor: Actor, application: ApplicationRecord) => Promise<boolean>;
