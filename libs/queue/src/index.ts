export * from './job';
export * from './job-queue.port';
export * from './queue.module';
export * from './queue-worker.module';
export * from './transport/job-transport.port';
export * from './worker/job-handler.registry';
export * from './worker/job-runner';
export * from './outbox/outbox-relay';
