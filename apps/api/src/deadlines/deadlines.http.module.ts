import { Module } from '@nestjs/common';

/** HTTP wiring for deadlines: its controllers and the lib modules they call. */
@Module({})
export class DeadlinesHttpModule {}
