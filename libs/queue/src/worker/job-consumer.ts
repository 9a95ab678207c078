import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { KP_QUEUE } from '../job';
import { JobRunner } from './job-runner';

@Processor(KP_QUEUE, { concurrency: 4 })
export class JobConsumer extends WorkerHost {
  private readonly logger = new Logger(JobConsumer.name);

  constructor(private readonly runner: JobRunner) {
    super();
  }

  async process(job: Job<Record<string, unknown>>): Promise<string> {
    const outcome = await this.runner.run(job.id ?? job.name, job.name, job.data, job.attemptsMade + 1);
    this.logger.debug(`job ${job.id} (${job.name}) ${outcome}`);
    return outcome;
  }
}
