import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobHandler, KP_QUEUE } from '../job';
import { JobHandlerRegistry } from './job-handler.registry';

export interface RecurringJob {
  handler: JobHandler<any>;
  /** How often it runs. Handlers must be safe to run at any time and more than once. */
  everyMs: number;
}

/**
 * Scheduled work (deadline escalation, permit expiry, audit checkpoints) as BullMQ job schedulers,
 * so that with many workers each run happens once. Timers live in our own database or Redis, not in
 * an external engine whose errors are only logged (DESIGN.md §8, HDR UK).
 */
@Injectable()
export class RecurringJobs implements OnApplicationBootstrap {
  private readonly logger = new Logger(RecurringJobs.name);
  private readonly jobs: RecurringJob[] = [];

  constructor(
    private readonly registry: JobHandlerRegistry,
    @InjectQueue(KP_QUEUE) private readonly queue: Queue,
  ) {}

  /** Called by libs in onModuleInit; also registers the handler. */
  register(job: RecurringJob): void {
    this.registry.register(job.handler);
    this.jobs.push(job);
  }

  /** The jobs registered so far, in order (the flow simulator runs each once per simulated step). */
  scheduled(): readonly RecurringJob[] {
    return this.jobs;
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const job of this.jobs) {
      try {
        await this.queue.upsertJobScheduler(`recurring:${job.handler.jobName}`, { every: job.everyMs }, { name: job.handler.jobName, data: {} });
      } catch (error) {
        this.logger.error(`could not schedule ${job.handler.jobName}: ${String(error)}`);
      }
    }
  }
}
