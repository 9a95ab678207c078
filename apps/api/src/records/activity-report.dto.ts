import { OUTCOMES } from '@kp/decisions';
import { ActivityGroup, ActivityReport, OutcomeCounts } from '@kp/records';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export const REPORT_FORMATS = ['json', 'csv'] as const;

/** `GET /v1/reports/activity?year=2026[&format=csv]`. */
export class ActivityReportQueryDto {
  @ApiProperty({ minimum: 2020, maximum: 2100, example: 2026, description: 'The calendar year (Danish time)' })
  @Type(() => Number)
  @IsInt()
  @Min(2020)
  @Max(2100)
  year!: number;
  @ApiPropertyOptional({ enum: REPORT_FORMATS, description: '`csv` answers text/csv as `Accept: text/csv` does; default JSON' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: (typeof REPORT_FORMATS)[number];
}

@ApiSchema({ name: 'OutcomeCounts', description: 'Decisions per outcome' })
export class OutcomeCountsDto implements OutcomeCounts {
  @ApiProperty() approved!: number;
  @ApiProperty() approved_with_conditions!: number;
  @ApiProperty() rejected!: number;
}

@ApiSchema({ name: 'ReportDecisions', description: 'Decisions issued in the year' })
export class ReportDecisionsDto {
  @ApiProperty() total!: number;
  @ApiProperty({ type: OutcomeCountsDto, description: `One count per outcome (${OUTCOMES.join(', ')})` }) byOutcome!: OutcomeCountsDto;
}

@ApiSchema({ name: 'LeadTimeFigures', description: 'Calendar days from receipt to the first decision: count, median, 90th percentile (nearest rank); null without decisions' })
export class LeadTimeFiguresDto {
  @ApiProperty() count!: number;
  @ApiProperty({ type: Number, nullable: true }) medianDays!: number | null;
  @ApiProperty({ type: Number, nullable: true }) p90Days!: number | null;
}

@ApiSchema({ name: 'ActivityGroup', description: 'The figures of one track or one data source' })
export class ActivityGroupDto implements ActivityGroup {
  @ApiProperty({ description: 'Data requests received for it (one per source an application asks for)' }) requestsReceived!: number;
  @ApiProperty({ type: ReportDecisionsDto }) decisions!: ReportDecisionsDto;
  @ApiProperty({ type: LeadTimeFiguresDto }) leadTime!: LeadTimeFiguresDto;
}

@ApiSchema({ name: 'ActivityBySource', description: 'The figures of one data source' })
export class ActivityBySourceDto extends ActivityGroupDto {
  @ApiProperty({ example: 'lpr' }) dataSourceId!: string;
  @ApiProperty() dataSourceName!: string;
}

@ApiSchema({ name: 'ActivityByTrack', description: 'The figures per track' })
export class ActivityByTrackDto {
  @ApiProperty({ type: ActivityGroupDto }) central!: ActivityGroupDto;
  @ApiProperty({ type: ActivityGroupDto }) collaborative!: ActivityGroupDto;
}

@ApiSchema({ name: 'ReportPeriod', description: 'The year as instants: from 1 January 00:00 to 1 January 00:00 the year after, Danish time' })
export class ReportPeriodDto {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
}

@ApiSchema({ name: 'Fees', description: 'Fees invoiced in the year (EHDS art. 62)' })
export class FeesDto {
  @ApiProperty({ enum: ['DKK'] }) currency!: 'DKK';
  @ApiProperty() invoiced!: number;
}

@ApiSchema({ name: 'ReportAllDecisions', description: 'Decisions issued in the year, with those that replace an earlier decision' })
export class ReportAllDecisionsDto extends ReportDecisionsDto {
  @ApiProperty({ description: 'Of those, decisions that replace an earlier one (correction, reconsideration)' }) superseding!: number;
}

@ApiSchema({ name: 'ActivityReport', description: 'The figures of one calendar year, as an access body reports them (EHDS art. 59, from 2029)' })
export class ActivityReportDto implements ActivityReport {
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ type: ReportPeriodDto }) period!: ReportPeriodDto;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ description: 'Applications received (cases opened); one that asks several sources counts once' }) applicationsReceived!: number;
  @ApiProperty({ description: 'Cases withdrawn by the applicant in the year' }) withdrawn!: number;
  @ApiProperty({ type: ReportAllDecisionsDto }) decisions!: ReportAllDecisionsDto;
  @ApiProperty({ type: LeadTimeFiguresDto, description: 'First decisions only' }) leadTime!: LeadTimeFiguresDto;
  @ApiProperty() permitsIssued!: number;
  @ApiProperty({ type: ActivityByTrackDto }) byTrack!: ActivityByTrackDto;
  @ApiProperty({ type: [ActivityBySourceDto] }) bySource!: ActivityBySourceDto[];
  @ApiProperty({ type: FeesDto, nullable: true, description: 'null while kontaktpunkt records no fees (see notes)' }) fees!: FeesDto | null;
  @ApiProperty({ type: [String] }) notes!: string[];
}
