import { Metrics } from '@kp/metrics';
import { Injectable } from '@nestjs/common';
import { Histogram } from 'prom-client';

/** Per job, observed by the consumer once the job's transaction has committed (or failed). */
@Injectable()
export class JobMetrics {
  readonly duration: Histogram<'job' | 'outcome'>;
  readonly latency: Histogram<'job'>;

  constructor(metrics: Metrics) {
    this.duration = metrics.histogram({
      name: 'kp_job_duration_seconds',
      help: 'Time a job took to run, by job name and outcome (processed, duplicate, failed)',
      labelNames: ['job', 'outcome'] as const,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    });
    this.latency = metrics.histogram({
      name: 'kp_job_latency_seconds',
      help: 'Time from a job entering the queue to its successful end, by job name',
      labelNames: ['job'] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    });
  }
}
