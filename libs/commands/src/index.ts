export * from './base-command';
export * from './common-fields';
export * from './field-errors';
