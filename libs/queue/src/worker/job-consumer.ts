import { Processor, WorkerHost } from '@nestjs/bullmq';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { KP_QUEUE } from '../job';
import { JobMetrics } from '../metrics/job-metrics';
import { JobRunner } from './job-runner';

/**
 * How many times a job may be found stalled (its worker died holding it) before BullMQ gives up on
 * it. BullMQ's default of 1 treats a crash as the job's fault: a screening caught in two worker
 * crashes failed for good, and its case stayed `submitted` for ever while the outbox row said it
 * was dispatched (test/faults/worker-kill). A stall rolls the job's transaction back (JobRunner), so
 * running it again is safe; a job that itself kills every worker still stops, after this many.
 */
export const MAX_STALLED_COUNT = 25;

/** Runs queued jobs; how many at once is JOB_CONCURRENCY (screening is CPU-bound, its writes are not). */
@Processor(KP_QUEUE, { concurrency: 4, maxStalledCount: MAX_STALLED_COUNT, autorun: false })
export class JobConsumer extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobConsumer.name);

  constructor(
    private readonly runner: JobRunner,
    private readonly metrics: JobMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
    this.worker.concurrency = this.config.jobConcurrency;
    this.worker.run().catch((error: unknown) => this.logger.error(`queue consumer stopped: ${String(error)}`));
  }

  async process(job: Job<Record<string, unknown>>): Promise<string> {
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
