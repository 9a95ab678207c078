import { AuditModule } from '@kp/audit';
import { QueueWorkerModule } from '@kp/queue';
import { Module } from '@nestjs/common';
import { MoveBusinessClock } from './move-business-clock.usecase';
import { RunSchedulesNow } from './run-schedules-now.usecase';

/** Simulated time for the flow simulator: move the settable clock and run the schedules once. */
@Module({
  imports: [AuditModule, QueueWorkerModule],
  providers: [MoveBusinessClock, RunSchedulesNow],
  exports: [MoveBusinessClock, RunSchedulesNow],
})
export class SimulatedTimeModule {}
