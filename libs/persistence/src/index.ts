export * from './data-source-options';
export * from './persistence.module';
