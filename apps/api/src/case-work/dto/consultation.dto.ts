import { CONSULTATION_STATES, ConsultationState } from '@kp/cases';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export class RequestConsultationDto {
  @ApiProperty({ description: 'Region whose advisors answer, e.g. region-midtjylland' }) @IsString() @Matches(/^[a-z0-9][a-z0-9-]{1,79}$/) advisorRegion: string;
  @ApiPropertyOptional({ description: 'The sub-case the question is about' }) @IsOptional() @IsUUID() subCaseId?: string;
  @ApiProperty({ description: 'The question to the advisor' }) @IsString() @IsNotEmpty() @MaxLength(10000) question: string;
  @ApiProperty({ description: 'ISO 8601 date-time in the future; the case does not wait past it', example: '2040-03-01T12:00:00Z' }) @IsISO8601({ strict: true }) deadline: string;
}

export class AnswerConsultationDto {
  @ApiProperty({ description: 'The advisor’s answer' }) @IsString() @IsNotEmpty() @MaxLength(20000) answer: string;
}

export class ConsultationQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit: number = 20;
  @ApiPropertyOptional({ description: 'nextCursor from the previous page' }) @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional({ enum: CONSULTATION_STATES }) @IsOptional() @IsIn(CONSULTATION_STATES) state?: ConsultationState;
  @ApiPropertyOptional({ description: 'Only this case’s consultations' }) @IsOptional() @IsUUID() caseId?: string;
}
