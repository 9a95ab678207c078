import { Module } from '@nestjs/common';

/** Worker wiring for case-work: its job handlers and scheduled jobs. */
@Module({})
export class CaseWorkJobsModule {}
