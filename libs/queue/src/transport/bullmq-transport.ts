import { APP_CONFIG, AppConfig } from '@kp/config';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { KP_QUEUE } from '../job';
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

@Injectable()
export class BullmqTransport extends JobTransport {
  constructor(
    @InjectQueue(KP_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async send(jobId: string, name: string, payload: Record<string, unknown>, delayMs: number): Promise<void> {
    await withTimeout(this.queue.add(name, payload, jobOptions(jobId, delayMs)), `queue.add(${name})`);
  }

  async sendMany(jobs: OutgoingJob[]): Promise<void> {
    await withTimeout(
      this.queue.addBulk(jobs.map((job) => ({ name: job.name, data: job.payload, opts: jobOptions(job.jobId, job.delayMs) }))),
      `queue.addBulk(${jobs.length} jobs)`,
    );
  }

  async ping(): Promise<void> {
    await withTimeout(this.queue.getJobCounts('waiting'), 'queue ping');
  }

  async counts(): Promise<Record<string, number>> {
    const counts = await withTimeout(this.queue.getJobCounts('waiting', 'delayed', 'active', 'failed', 'prioritized'), 'queue counts');
    return Object.fromEntries(Object.entries(counts).map(([state, n]) => [state, Number(n)]));
  }

  describe(): string {
    return this.config.redisUrl ? 'bullmq/redis' : 'bullmq/postgresql';
  }
}
