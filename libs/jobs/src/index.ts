export * from './jobs.module';
export { SimulatedTimeModule } from './simulated-time/simulated-time.module';
export { MoveBusinessClock } from './simulated-time/move-business-clock.usecase';
export type { BusinessTime, MoveBusinessClockCommand } from './simulated-time/move-business-clock.usecase';
export { RunSchedulesNow } from './simulated-time/run-schedules-now.usecase';
export type { SchedulesRun } from './simulated-time/run-schedules-now.usecase';
