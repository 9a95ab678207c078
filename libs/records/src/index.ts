export * from './records.module';
export * from './activity-report/activity-report';
export * from './activity-report/activity-report.command';
export * from './activity-report/activity-report.usecase';
export * from './activity-report/activity-report.csv';
export * from './activity-report/lead-time-figures';
