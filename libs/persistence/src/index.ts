export * from './data-source-options';
export * from './persistence.module';
export * from './rows';
