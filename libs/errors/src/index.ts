export * from './domain-error';
export * from './not-found';
export * from './validation-failed';
export * from './forbidden';
export * from './stale-version';
export * from './bad-cursor';
