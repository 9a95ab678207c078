export * from './list-public-applications.usecase';
export * from './public-application';
