import { EntityManager } from 'typeorm';
import { JobRequest } from './job';

/**
 * The port use cases enqueue through. `enqueue` writes to the outbox with the caller's transaction
 * manager, so the job exists exactly when the business change does. Use cases never import BullMQ.
 */
export abstract class JobQueue {
  abstract enqueue(manager: EntityManager, job: JobRequest): Promise<string>;
}
