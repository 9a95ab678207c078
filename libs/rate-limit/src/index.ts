export * from './rate-limited.error';
export * from './rate-limit-store';
export * from './buckets';
export * from './address-rate-limit';
export * from './rate-limit.guard';
export * from './rate-limit.module';
