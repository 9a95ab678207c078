import { APP_CONFIG, AppConfig } from '@kp/config';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobLane, KP_BACKGROUND_QUEUE, KP_QUEUE } from '../job';
import { JobHandlerRegistry } from '../worker/job-handler.registry';
import { JobTransport, OutgoingJob } from './job-transport.port';

const SEND_TIMEOUT_MS = 5000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${SEND_TIMEOUT_MS} ms`)), SEND_TIMEOUT_MS);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function jobOptions(jobId: string, delayMs: number) {
  return {
    jobId,
    delay: Math.max(0, delayMs),
    attempts: 8,
    backoff: { type: 'exponential' as const, delay: 1000 },
    removeOnComplete: { age: 7 * 24 * 3600 },
    removeOnFail: false,
  };
}

/** Each job goes on the queue of its handler's lane (JobHandlerRegistry.laneOf). */
@Injectable()
export class BullmqTransport extends JobTransport {
  constructor(
    @InjectQueue(KP_QUEUE) private readonly urgent: Queue,
    @InjectQueue(KP_BACKGROUND_QUEUE) private readonly background: Queue,
    private readonly registry: JobHandlerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async send(jobId: string, name: string, payload: Record<string, unknown>, delayMs: number): Promise<void> {
    await this.sendMany([{ jobId, name, payload, delayMs }]);
  }

  /**
   * One addBulk per lane. If the second fails after the first was accepted, the relay sends the
   * whole batch again; the outbox id as job id makes the first lane's jobs no-ops the second time.
   */
  async sendMany(jobs: OutgoingJob[]): Promise<void> {
    const lanes: Record<JobLane, OutgoingJob[]> = { urgent: [], background: [] };
    for (const job of jobs) lanes[this.registry.laneOf(job.name)].push(job);
    for (const [lane, queue, extraDelayMs] of [['urgent', this.urgent, 0], ['background', this.background, this.config.backgroundJobDelayMs]] as const) {
      const batch = lanes[lane];
      if (batch.length === 0) continue;
      await withTimeout(
        queue.addBulk(batch.map((job) => ({ name: job.name, data: job.payload, opts: jobOptions(job.jobId, job.delayMs + extraDelayMs) }))),
        `${lane} queue.addBulk(${batch.length} jobs)`,
      );
    }
  }

  async ping(): Promise<void> {
    await withTimeout(Promise.all([this.urgent.getJobCounts('waiting'), this.background.getJobCounts('waiting')]), 'queue ping');
  }

  async counts(): Promise<Record<string, number>> {
    const states = ['waiting', 'delayed', 'active', 'failed', 'prioritized'] as const;
    const lanes = await withTimeout(Promise.all([this.urgent.getJobCounts(...states), this.background.getJobCounts(...states)]), 'queue counts');
    const total: Record<string, number> = {};
    for (const counts of lanes) for (const [state, n] of Object.entries(counts)) total[state] = (total[state] ?? 0) + Number(n);
    return total;
  }

  describe(): string {
    return this.config.redisUrl ? 'bullmq/redis' : 'bullmq/postgresql';
  }
}
