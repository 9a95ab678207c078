export * from './add-staff-member.command';
export * from './add-staff-member.usecase';
export * from './list-staff.command';
export * from './list-staff.usecase';
export * from './record-sign-in';
export * from './staff-member.view';
export * from './update-staff-member.command';
export * from './update-staff-member.usecase';
