export * from './get-case-audit-timeline.usecase';
export * from './applicant-timeline-actions';
