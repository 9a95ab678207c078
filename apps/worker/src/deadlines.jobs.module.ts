import { DeadlineJobsModule } from '@kp/deadlines';
import { Module } from '@nestjs/common';

/** Worker wiring for deadlines: its job handlers and scheduled jobs. */
@Module({ imports: [DeadlineJobsModule] })
export class DeadlinesJobsModule {}
