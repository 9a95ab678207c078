import { Processor, WorkerHost } from '@nestjs/bullmq';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { KP_QUEUE } from '../job';
import { JobRunner } from './job-runner';

/** Runs queued jobs; how many at once is JOB_CONCURRENCY (screening is CPU-bound, its writes are not). */
@Processor(KP_QUEUE, { concurrency: 4 })
export class JobConsumer extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobConsumer.name);

  constructor(
    private readonly runner: JobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.jobConcurrency;
  }

  async process(job: Job<Record<string, unknown>>): Promise<string> {
    const outcome = await this.runner.run(job.id ?? job.name, job.name, job.data, job.attemptsMade + 1);
    this.logger.debug(`job ${job.id} (${job.name}) ${outcome}`);
    return outcome;
  }
}
