import './pg-types';
export * from './data-source-options';
export * from './persistence.module';
export * from './rows';
export * from './keyset-cursor';
export * from './ids';
