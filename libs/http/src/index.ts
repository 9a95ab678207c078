export * from './problem';
export * from './problem-details.filter';
export * from './problem-status';
export * from './problem-response';
export * from './validation';
export * from './preconditions';
export * from './if-match.decorator';
export * from './etag.decorator';
