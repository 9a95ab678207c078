import { Module } from '@nestjs/common';

/** HTTP wiring for case-work: its controllers and the lib modules they call. */
@Module({})
export class CaseWorkHttpModule {}
