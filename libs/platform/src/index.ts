export * from './logging';
export * from './platform.module';
