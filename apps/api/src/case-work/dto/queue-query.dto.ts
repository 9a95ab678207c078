import { TRACKS } from '@kp/clock';
import { CASE_STATES, CaseState, Track } from '@kp/cases';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const booleanQuery = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class QueueQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit: number = 20;
  @ApiPropertyOptional({ description: 'nextCursor from the previous page' }) @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional({ enum: TRACKS, description: 'Cases with an open sub-case on this track' }) @IsOptional() @IsIn(TRACKS) track?: Track;
  @ApiPropertyOptional({ description: 'Cases with a sub-case for this data source, e.g. lpr' }) @IsOptional() @IsString() @Matches(/^[a-z0-9-]{1,100}$/) dataSource?: string;
  @ApiPropertyOptional({ enum: CASE_STATES, description: 'Case state' }) @IsOptional() @IsIn(CASE_STATES) state?: CaseState;
  @ApiPropertyOptional({ description: 'Subject of the assignee, or "unassigned"' }) @IsOptional() @IsString() @MaxLength(200) assignee?: string;
  @ApiPropertyOptional({ description: 'Cases due before this ISO 8601 date-time' }) @IsOptional() @IsISO8601({ strict: true }) dueBefore?: string;
  @ApiPropertyOptional({ type: Boolean, description: 'Only cases at risk (true) or not at risk (false) of missing the statutory deadline' })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  atRisk?: boolean;
  @ApiPropertyOptional({ type: Boolean, description: 'Only overdue (true) or not overdue (false) cases' }) @IsOptional() @Transform(booleanQuery) @IsBoolean() overdue?: boolean;
}
