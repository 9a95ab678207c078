import { Module } from '@nestjs/common';

/** Worker wiring for deadlines: its job handlers and scheduled jobs. */
@Module({})
export class DeadlinesJobsModule {}
