import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI shapes of a case's audit timeline (documentation only; the use case returns plain data). */

class AuditActorDto {
  @ApiProperty() sub!: string;
  @ApiProperty() role!: string;
  @ApiProperty({ nullable: true, type: String }) organisation!: string | null;
}

class AuditSubjectDto {
  @ApiProperty({ example: 'case' }) type!: string;
  @ApiProperty({ example: 'EK-2026-000123' }) id!: string;
}

export class TimelineEntryDto {
  @ApiProperty() seq!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'application.submitted' }) action!: string;
  @ApiProperty({ type: AuditSubjectDto }) subject!: AuditSubjectDto;
  @ApiPropertyOptional({ description: 'applicant view only', example: 'caseworker' }) actorRole?: string;
  @ApiPropertyOptional({ type: AuditActorDto, description: 'full view only' }) actor?: AuditActorDto;
  @ApiPropertyOptional({ type: Object, description: 'full view only' }) payload?: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'full view only' }) prevHash?: string;
  @ApiPropertyOptional({ description: 'full view only' }) hash?: string;
}

export class CaseAuditTimelineDto {
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ enum: ['full', 'applicant'] }) view!: string;
  @ApiProperty({ type: [TimelineEntryDto] }) items!: TimelineEntryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
