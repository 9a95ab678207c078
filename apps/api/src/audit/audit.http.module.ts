import { Module } from '@nestjs/common';

/** HTTP wiring for audit: its controllers and the lib modules they call. */
@Module({})
export class AuditHttpModule {}
