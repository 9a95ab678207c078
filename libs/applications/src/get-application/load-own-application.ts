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
