import { Processor, WorkerHost } from '@nestjs/bullmq';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { KP_BACKGROUND_QUEUE, KP_QUEUE } from '../job';
import { JobMetrics } from '../metrics/job-metrics';
import { JobRunner } from './job-runner';
import { URGENT_QUIET_MS, UrgentLane } from './urgent-lane';

/**
 * How many times a job may be found stalled (its worker died holding it) before BullMQ gives up on
 * it. BullMQ's default of 1 treats a crash as the job's fault: a screening caught in two worker
 * crashes failed for good, and its case stayed `submitted` for ever while the outbox row said it
 * was dispatched (test/faults/worker-kill). A stall rolls the job's transaction back (JobRunner), so
 * running it again is safe; a job that itself kills every worker still stops, after this many.
 */
export const MAX_STALLED_COUNT = 25;

/** One lane's worker: runs each job through the JobRunner and measures it. */
abstract class LaneConsumer extends WorkerHost implements OnApplicationBootstrap {
  protected abstract readonly logger: Logger;

  constructor(
    private readonly runner: JobRunner,
    private readonly metrics: JobMetrics,
    private readonly concurrency: number,
  ) {
    super();
  }

  /**
   * @nestjs/bullmq creates the BullMQ worker in its own onModuleInit, before (or after) the job
   * handlers register themselves in theirs; started there, it took jobs it had no handler for yet
   * ("no handler registered", attempts spent, recurring jobs failed). Consume only once every
   * module is initialised.
   */
  onApplicationBootstrap(): void {
    this.worker.concurrency = this.concurrency;
    this.worker.run().catch((error: unknown) => this.logger.error(`queue consumer stopped: ${String(error)}`));
  }

  protected async runJob(job: Job<Record<string, unknown>>): Promise<string> {
    const stopTimer = this.metrics.duration.startTimer({ job: job.name });
    try {
      const outcome = await this.runner.run(job.id ?? job.name, job.name, job.data, job.attemptsMade + 1);
      stopTimer({ outcome });
      // From when the job was queued (after its delay, if any) to its committed end.
      const queuedAt = job.timestamp + (job.delay ?? 0);
      this.metrics.latency.observe({ job: job.name }, Math.max(0, (Date.now() - queuedAt) / 1000));
      this.logger.debug(`job ${job.id} (${job.name}) ${outcome}`);
      return outcome;
    } catch (error) {
      stopTimer({ outcome: 'failed' });
      throw error;
    }
  }
}

/** The urgent lane; how many at once is JOB_CONCURRENCY (screening is CPU-bound, its writes are not). */
@Processor(KP_QUEUE, { concurrency: 4, maxStalledCount: MAX_STALLED_COUNT, autorun: false })
export class JobConsumer extends LaneConsumer {
  protected readonly logger = new Logger(JobConsumer.name);

  constructor(runner: JobRunner, metrics: JobMetrics, @Inject(APP_CONFIG) config: AppConfig, private readonly lane: UrgentLane) {
    super(runner, metrics, config.jobConcurrency);
  }

  async process(job: Job<Record<string, unknown>>): Promise<string> {
    this.lane.started();
    try {
      return await this.runJob(job);
    } finally {
      this.lane.ended();
    }
  }
}

/**
 * The background lane (KP_BACKGROUND_QUEUE), BACKGROUND_JOB_CONCURRENCY at once. Each job first
 * waits for a pause in this process's urgent jobs (at most BACKGROUND_YIELD_MS): beside a
 * screening on two cores, the journal job made the screening's statements 2–5× slower, and a
 * queue of its own alone would still run the two side by side. Its BullMQ lock is renewed while it
 * waits, and its retries and backoff are the urgent lane's.
 */
@Processor(KP_BACKGROUND_QUEUE, { concurrency: 1, maxStalledCount: MAX_STALLED_COUNT, autorun: false })
export class BackgroundJobConsumer extends LaneConsumer {
  protected readonly logger = new Logger(BackgroundJobConsumer.name);

  constructor(runner: JobRunner, metrics: JobMetrics, @Inject(APP_CONFIG) private readonly config: AppConfig, private readonly urgent: UrgentLane) {
    super(runner, metrics, config.backgroundJobConcurrency);
  }

  async process(job: Job<Record<string, unknown>>): Promise<string> {
    await this.urgent.pause(URGENT_QUIET_MS, this.config.backgroundYieldMs);
    return this.runJob(job);
  }
}
