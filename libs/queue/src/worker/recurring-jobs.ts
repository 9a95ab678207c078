import { InjectQueue } from '@nestjs/bullmq';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
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
export class RecurringJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RecurringJobs.name);
  private readonly jobs: RecurringJob[] = [];
  private check?: NodeJS.Timeout;
  private checking = false;

  constructor(
    private readonly registry: JobHandlerRegistry,
    @InjectQueue(KP_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
    for (const job of this.jobs) await this.schedule(job);
    // A queue backend that lost its data (a Redis restarted without persistence) loses the
    // schedulers with it, and every sweep would stop until the next deploy: put back any that is gone.
    this.check = setInterval(() => void this.restoreMissing(), this.config.schedules.schedulerCheckMs);
    this.check.unref();
  }

  onApplicationShutdown(): void {
    if (this.check) clearInterval(this.check);
  }

  private async restoreMissing(): Promise<void> {
    if (this.checking) return; // a slow backend: the previous check is still running
    this.checking = true;
    try {
      for (const job of this.jobs) {
        try {
          if (await this.queue.getJobScheduler(schedulerId(job))) continue;
        } catch {
          continue; // the backend is away; the next check tries again
        }
        this.logger.warn(`the schedule of ${job.handler.jobName} was missing from the queue backend; scheduling it again`);
        await this.schedule(job);
      }
    } finally {
      this.checking = false;
    }
  }

  private async schedule(job: RecurringJob): Promise<void> {
    try {
      await this.queue.upsertJobScheduler(schedulerId(job), { every: job.everyMs }, { name: job.handler.jobName, data: {} });
    } catch (error) {
      this.logger.error(`could not schedule ${job.handler.jobName}: ${String(error)}`);
    }
  }
}

const schedulerId = (job: RecurringJob) => `recurring:${job.handler.jobName}`;
