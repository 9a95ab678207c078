export * from './base-command';
export * from './common-fields';
