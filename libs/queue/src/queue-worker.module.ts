import { MetricsModule } from '@kp/metrics';
import { Module } from '@nestjs/common';
import { JobMetrics } from './metrics/job-metrics';
import { OutboxRelay } from './outbox/outbox-relay';
import { JobConsumer } from './worker/job-consumer';
import { JobRunner } from './worker/job-runner';

/** What a worker process runs: the consumer of the queue and the outbox relay. */
@Module({
  imports: [MetricsModule],
  providers: [JobConsumer, JobRunner, OutboxRelay, JobMetrics],
  exports: [JobRunner, OutboxRelay],
})
export class QueueWorkerModule {}
