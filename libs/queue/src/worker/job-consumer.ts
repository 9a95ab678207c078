import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { KP_QUEUE } from '../job';
import { JobMetrics } from '../metrics/job-metrics';
import { JobRunner } from './job-runner';

@Processor(KP_QUEUE, { concurrency: 4 })
export class JobConsumer extends WorkerHost {
  private readonly logger = new Logger(JobConsumer.name);

  constructor(
    private readonly runner: JobRunner,
    private readonly metrics: JobMetrics,
  ) {
    super();
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
