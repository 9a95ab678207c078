export * from './get-case-waiting-history.command';
export * from './get-case-waiting-history.usecase';
