import { Module } from '@nestjs/common';

/** Worker wiring for audit: its job handlers and scheduled jobs. */
@Module({})
export class AuditJobsModule {}
