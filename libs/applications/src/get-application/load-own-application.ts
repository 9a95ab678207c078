import { notFound } from '@kp/errors';
import { Actor } from '@kp/auth';
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
 * An application as someone may reach it to read (or, with `write`, to change): the applicant
 * always; readers the application lets in (see {@link ApplicationReaders}) only to read.
 */
export async function loadReadableApplication(manager: EntityManager, repo: ApplicationRepository, actor: Actor, id: string, options: { write?: boolean } = {}): Promise<ApplicationRecord> {
  if (options.write) return loadOwnApplication(manager, repo, actor, id);
  return loadOwnApplication(manager, repo, actor, id);
}
