import { EntityManager } from 'typeorm';

/** The single BullMQ queue all jobs travel on; the job name selects the handler. */
export const KP_QUEUE = 'kp-jobs';

export interface JobRequest {
  name: string;
  payload: Record<string, unknown>;
  /** Do not run before this moment (e.g. a deadline check). */
  notBefore?: Date;
}

export interface JobContext {
  jobId: string;
  attempt: number;
}

/**
 * A job handler runs inside one database transaction together with the record that it ran, so a
 * redelivered job (delivery is at least once) has no second effect.
 */
export interface JobHandler<P = Record<string, unknown>> {
  readonly jobName: string;
  handle(manager: EntityManager, payload: P, context: JobContext): Promise<void>;
}
