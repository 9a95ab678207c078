import './pg-types';
export * from './data-source-options';
export * from './persistence.module';
export * from './rows';
export * from './keyset-cursor';
export * from './ids';
export * from './database-roles/app-role-grants';
export * from './database-roles/inspect-connection';
export * from './database-roles/database-readiness';
