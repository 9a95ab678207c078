export * from './actor';
export * from './claims';
export * from './decorators';
export * from './auth.guard';
export * from './auth.module';
export * from './local-issuer/local-issuer';
export * from './verify/token-verifier';
