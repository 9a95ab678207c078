import { Actor, CurrentActor, Roles } from '@kp/auth';
import { BusinessTime, MoveBusinessClock, RunSchedulesNow, SchedulesRun } from '@kp/jobs';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsDateString, IsInt, IsOptional, Max, Min } from 'class-validator';

const YEAR_MS = 366 * 24 * 60 * 60 * 1000;

export class MoveBusinessClockDto {
  /** Forward by this many milliseconds (at most a year per call). */
  @IsOptional() @IsInt() @Min(0) @Max(YEAR_MS) advanceMs?: number;
  /** Or to this moment (ISO 8601, not before the current business time). */
  @IsOptional() @IsDateString({ strict: true }) to?: string;
}

/**
 * Simulated time from outside the process, for the flow simulator (`npm run simulate`): read and
 * move the settable business clock, and run every scheduled sweep once at the current business
 * time. Answers 404 unless BUSINESS_CLOCK=settable (refused with NODE_ENV=production), exists only
 * where the worker runs in the API process, admins only, audited. Kept out of the OpenAPI document:
 * no part of the contract integrators build on.
 */
@ApiExcludeController()
@Roles('admin')
@Controller('v1/dev')
export class SimulatedTimeController {
  constructor(
    private readonly moveClock: MoveBusinessClock,
    private readonly runSchedules: RunSchedulesNow,
  ) {}

  @Get('clock')
  now(@CurrentActor() actor: Actor): BusinessTime {
    return this.moveClock.read(actor);
  }

  @Post('clock')
  @HttpCode(200)
  move(@CurrentActor() actor: Actor, @Body() body: MoveBusinessClockDto): Promise<BusinessTime> {
    return this.moveClock.execute(actor, { advanceMs: body.advanceMs, to: body.to === undefined ? undefined : new Date(body.to) });
  }

  @Post('sweeps')
  @HttpCode(200)
  sweeps(@CurrentActor() actor: Actor): Promise<SchedulesRun> {
    return this.runSchedules.execute(actor);
  }
}
