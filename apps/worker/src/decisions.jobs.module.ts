import { Module } from '@nestjs/common';

/** Worker wiring for decisions: its job handlers and scheduled jobs. */
@Module({})
export class DecisionsJobsModule {}
