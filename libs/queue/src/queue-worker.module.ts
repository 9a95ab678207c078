import { MetricsModule } from '@kp/metrics';
import { Module } from '@nestjs/common';
import { JobMetrics } from './metrics/job-metrics';
import { OutboxRelay } from './outbox/outbox-relay';
import { BackgroundJobConsumer, JobConsumer } from './worker/job-consumer';
import { JobRunner } from './worker/job-runner';
import { UrgentLane } from './worker/urgent-lane';

/** What a worker process runs: the consumers of both lanes' queues and the outbox relay (the worker app and the embedded API alike). */
@Module({
  imports: [MetricsModule],
  providers: [JobConsumer, BackgroundJobConsumer, UrgentLane, JobRunner, OutboxRelay, JobMetrics],
  exports: [JobRunner, OutboxRelay],
})
export class QueueWorkerModule {}
