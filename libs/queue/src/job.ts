import { EntityManager } from 'typeorm';

/** The urgent lane: the queue most jobs travel on; the job name selects the handler. */
export const KP_QUEUE = 'kp-jobs';

/**
 * The background lane: bookkeeping that nobody waits for (the § 15 journal). On the urgent lane it
 * ran beside the screening of the same submit and made its statements 2–5× slower (issue 17,
 * screen-latency); here it has a worker of its own (BACKGROUND_JOB_CONCURRENCY), is handed over a
 * little later (BACKGROUND_JOB_DELAY_MS) and yields to running urgent jobs (BackgroundJobConsumer).
 */
export const KP_BACKGROUND_QUEUE = 'kp-background';

export type JobLane = 'urgent' | 'background';

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
  /** Which queue its jobs travel on; default `urgent`. The outbox relay routes by the handler's lane. */
  readonly lane?: JobLane;
  /**
   * True for a handler that opens its own (short) transactions and is safe to run twice, such as a
   * sweep: it gets a manager outside any transaction, and the runner records the job only after it
   * returns, in a short transaction of its own. Wrapped in the runner's transaction instead, the
   * whole run held an idle transaction with an xid, which kept vacuum from marking pages
   * all-visible (issue 17, queue page). The price: a job redelivered while it runs may run twice.
   */
  readonly managesOwnTransactions?: boolean;
  handle(manager: EntityManager, payload: P, context: JobContext): Promise<void>;
}
