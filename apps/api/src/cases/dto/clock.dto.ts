import { ClockView } from '@kp/cases';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { unionValues } from '../../openapi/union-values';

/** OpenAPI shape of the statutory clock (EHDS art. 68(4)) as a case shows it (documentation only). */

@ApiSchema({ name: 'ClockPause', description: 'A wait for the applicant, which moved the due date' })
export class ClockPauseDto {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null while the clock is paused' }) to!: string | null;
  @ApiProperty({ description: 'Calendar days the due date moved' }) days!: number;
}

@ApiSchema({ name: 'ClockExtension', description: 'An extension of the decision limit, with its recorded reason' })
export class ClockExtensionViewDto {
  @ApiProperty() months!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

@ApiSchema({ name: 'Clock', description: 'The statutory clock: which limit runs, when it is due, the Danish working days used and left, pauses and extensions' })
export class ClockDto implements ClockView {
  @ApiProperty({ enum: unionValues<ClockView['phase']>()('completion', 'decision', 'stopped') }) phase!: ClockView['phase'];
  @ApiProperty({ enum: unionValues<ClockView['limit']>()('completion', 'decision'), description: 'completion: 4 weeks from receipt; decision: 3 months' }) limit!: ClockView['limit'];
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ format: 'date', example: '2026-06-30' }) dueDate!: string;
  @ApiProperty({ description: 'Danish working days used' }) daysUsed!: number;
  @ApiProperty({ description: 'Danish working days left (negative when overdue)' }) daysLeft!: number;
  @ApiProperty() paused!: boolean;
  @ApiProperty({ type: [ClockPauseDto] }) pausedPeriods!: ClockPauseDto[];
  @ApiProperty() atRisk!: boolean;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ description: 'Months added to the decision limit in all' }) extendedBy!: number;
  @ApiProperty({ type: [ClockExtensionViewDto] }) extensions!: ClockExtensionViewDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) stoppedAt!: string | null;
}
