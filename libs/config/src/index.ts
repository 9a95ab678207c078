export * from './app-config';
export * from './http-edge-config';
export * from './config.module';
export * from './delivery-receivers';
export * from './process-identity';
