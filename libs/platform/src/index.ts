export * from './logging';
export * from './platform.module';
export * from './migrate/migrate-database';
export * from './metrics-server';
export * from './worker-heartbeat';
