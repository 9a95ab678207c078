export * from './logging';
export * from './platform.module';
export * from './migrate/migrate-database';
