import { Module } from '@nestjs/common';

/** HTTP wiring for decisions: its controllers and the lib modules they call. */
@Module({})
export class DecisionsHttpModule {}
